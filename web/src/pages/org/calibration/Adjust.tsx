import { useState, type FormEvent } from 'react';
import { outcomes, outcomeWords } from '../../../../../src/core/org/reviews/calibration.js';
import { ApiError } from '../../../api/client.js';
import { useAdjust, type CalibrationItem, type Outcome } from '../../../api/reviews.js';
import { Choice, ErrorNotice, Field } from '../../../components/ui.js';

/** Adjust one person's outcome, with the reason it is recorded (and audited) with. */
export function Adjust({ cycleId, item }: { cycleId: number; item: CalibrationItem }) {
  const adjust = useAdjust();
  const name = item.name ?? `person ${item.personId}`;
  const [outcome, setOutcome] = useState<Outcome>(item.outcome);
  const [reason, setReason] = useState('');
  const fields = adjust.error instanceof ApiError ? adjust.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    adjust.mutate({ cycleId, personId: item.personId, outcome, reason }, { onSuccess: () => setReason('') });
  };
  return (
    <form onSubmit={submit} aria-label={`Adjust the outcome of ${name}`}>
      <Field label={`Outcome for ${name}`}>
        <Choice
          value={outcome}
          options={outcomes.map((o) => ({ value: o, label: outcomeWords[o] }))}
          onChange={(v) => setOutcome(v as Outcome)}
        />
      </Field>
      <Field
        label={`Reason for adjusting ${name}`}
        hint="Required; kept with the adjustment"
        error={fields.reason}
      >
        <input value={reason} onChange={(e) => setReason(e.target.value)} required />
      </Field>
      <button type="submit" className="secondary" disabled={adjust.isPending}>
        Adjust
      </button>
      <ErrorNotice error={adjust.error} title="Not adjusted" />
    </form>
  );
}
