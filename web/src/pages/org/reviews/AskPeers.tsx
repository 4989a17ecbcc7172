import { useState, type FormEvent } from 'react';
import type { DirectoryEntry } from '../../../api/org.js';
import { useAskPeers, type CycleCompetency } from '../../../api/reviews.js';
import { ErrorNotice, Field } from '../../../components/ui.js';

const chosen = (select: HTMLSelectElement) => [...select.selectedOptions].map((o) => o.value);

/** Ask chosen peers to rate chosen competencies of a person: the person themself, or their manager. */
export function AskPeers({
  cycleId,
  person,
  people,
  competencies,
}: {
  cycleId: number;
  person: { id: number; name: string };
  people: readonly DirectoryEntry[];
  competencies: readonly CycleCompetency[];
}) {
  const ask = useAskPeers();
  const [peers, setPeers] = useState<string[]>([]);
  const [asked, setAsked] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate({ cycleId, personId: person.id, peers: peers.map(Number), competencies: asked });
  };
  const others = people.filter((p) => p.id !== person.id && p.status === 'active');
  return (
    <form onSubmit={submit} aria-label={`Ask peers about ${person.name}`}>
      <div className="filters">
        <Field label={`Peers to ask about ${person.name}`} hint="Hold Ctrl or Shift to choose several">
          <select multiple size={5} value={peers} onChange={(e) => setPeers(chosen(e.target))}>
            {others.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Competencies to rate">
          <select multiple size={5} value={asked} onChange={(e) => setAsked(chosen(e.target))}>
            {competencies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" className="secondary" disabled={ask.isPending}>
        Ask the peers
      </button>
      {ask.isSuccess ? (
        <span className="tag ok" role="status">
          Asked
        </span>
      ) : null}
      <ErrorNotice error={ask.error} title="Not asked" />
    </form>
  );
}
