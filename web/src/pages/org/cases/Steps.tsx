import { useState, type FormEvent } from 'react';
import { decisions, type Decision } from '../../../../../src/core/org/cases/case.js';
import type { DirectoryEntry } from '../../../api/org.js';
import { useCaseStep, type CaseBundle } from '../../../api/reviews.js';
import { Choice, ErrorNotice, Field } from '../../../components/ui.js';

const words: Record<Decision, string> = { approve: 'Approve', decline: 'Decline', defer: 'Defer' };

/** hr seats the committee of the current round: never the person nor anyone above them. */
export function AssignCommittee({
  bundle,
  people,
}: {
  bundle: CaseBundle;
  people: readonly DirectoryEntry[];
}) {
  const assign = useCaseStep<{ members: number[] }>('committee');
  const [members, setMembers] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ id: bundle.id, body: { members: members.map(Number) } });
  };
  return (
    <form onSubmit={submit} aria-label="Assign the committee">
      <Field
        label="Committee members"
        hint="Hold Ctrl or Shift to choose several; nobody in the reporting chain"
      >
        <select
          multiple
          size={5}
          value={members}
          onChange={(e) => setMembers([...e.target.selectedOptions].map((o) => o.value))}
        >
          {people
            .filter((p) => p.id !== bundle.personId && p.status === 'active')
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </Field>
      <button type="submit" disabled={assign.isPending}>
        Assign the committee
      </button>
      <ErrorNotice error={assign.error} title="Not assigned" />
    </form>
  );
}

/** A choice of decision and a rationale: a committee member's vote, hr's decision, or the appeal. */
export function RationaleForm({
  step,
  bundle,
  label,
  button,
  withDecision,
  withDate = false,
}: {
  step: 'votes' | 'decision' | 'appeal';
  bundle: CaseBundle;
  label: string;
  button: string;
  withDecision: boolean;
  withDate?: boolean;
}) {
  const write = useCaseStep<object>(step);
  const [decision, setDecision] = useState<Decision>('approve');
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body =
      step === 'appeal'
        ? { reason: text }
        : step === 'votes'
          ? { vote: decision, rationale: text }
          : { decision, rationale: text, ...(date && { effectiveDate: date }) };
    write.mutate({ id: bundle.id, body });
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      {withDecision ? (
        <Field label={step === 'votes' ? 'Vote' : 'Decision'}>
          <Choice
            value={decision}
            options={decisions.map((d) => ({ value: d, label: words[d] }))}
            onChange={(v) => setDecision(v as Decision)}
          />
        </Field>
      ) : null}
      {withDate && decision === 'approve' ? (
        <Field label="Effective date" hint="When the new level starts">
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </Field>
      ) : null}
      <Field label={step === 'appeal' ? 'Reason for the appeal' : 'Rationale'}>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
      </Field>
      <button type="submit" disabled={write.isPending}>
        {button}
      </button>
      <ErrorNotice error={write.error} title="Not recorded" />
    </form>
  );
}
