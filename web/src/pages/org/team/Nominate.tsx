import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { useNominate } from '../../../api/reviews.js';
import { ErrorNotice, Field } from '../../../components/ui.js';

/** Nominate a report for a target level (a level id of the framework, above the one held). */
export function Nominate({ person }: { person: { id: number; name: string } }) {
  const nominate = useNominate();
  const [target, setTarget] = useState('');
  const [summary, setSummary] = useState('');
  const fields = nominate.error instanceof ApiError ? nominate.error.fieldMessages() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    nominate.mutate({
      personId: person.id,
      targetLevel: target.trim(),
      ...(summary.trim() && { summary: summary.trim() }),
    });
  };
  if (nominate.data)
    return (
      <p role="status" className="notice ok-notice">
        Nominated for {nominate.data.targetLevel}:{' '}
        <Link to={`/org/cases/${nominate.data.id}`}>case {nominate.data.id}</Link>
      </p>
    );
  return (
    <form onSubmit={submit} aria-label={`Nominate ${person.name} for promotion`}>
      <Field
        label={`Target level for ${person.name}`}
        hint="The level id, above the one held (e.g. staff)"
        error={fields.targetLevel}
      >
        <input value={target} onChange={(e) => setTarget(e.target.value)} required />
      </Field>
      <Field label={`Why ${person.name} is ready`}>
        <textarea rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </Field>
      <button type="submit" disabled={nominate.isPending}>
        Nominate for promotion
      </button>
      <ErrorNotice error={nominate.error} title="Not nominated" />
    </form>
  );
}
