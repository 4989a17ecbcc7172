import { useState } from 'react';
import { useCycle, useCycles, useMe } from '../../../api/reviews.js';
import { Choice, EmptyState, ErrorNotice, Field, Loading, PageHeader } from '../../../components/ui.js';
import { Nominate } from './Nominate.js';
import { ReportCard } from './ReportCard.js';

/** My team, for managers: per open cycle, each direct report's steps, my assessment, nominations. */
export default function Team() {
  const { me, people, isPending, error } = useMe();
  const cycles = useCycles();
  const open = (cycles.data ?? []).filter((c) => c.status === 'open');
  const [chosen, setChosen] = useState<string>('');
  const cycleId = Number(chosen || open.at(-1)?.id || 0);
  const cycle = useCycle(cycleId);
  if (isPending || cycles.isPending) return <Loading what="your team" />;
  if (error ?? cycles.error)
    return <ErrorNotice error={error ?? cycles.error} title="Your team could not be loaded" />;
  const reports = me ? people.filter((p) => p.managerEmail === me.email && p.status === 'active') : [];
  return (
    <>
      <PageHeader title="My team">
        Your reports in the open review cycles: their steps, your assessment, nominations.
      </PageHeader>
      {reports.length === 0 ? <EmptyState title="No reports">Nobody reports to you.</EmptyState> : null}
      {open.length === 0 ? (
        <EmptyState title="No open cycle">hr opens review cycles; nominations need none.</EmptyState>
      ) : (
        <Field label="Cycle">
          <Choice
            value={String(cycleId)}
            options={open.map((c) => ({ value: String(c.id), label: c.name }))}
            onChange={setChosen}
          />
        </Field>
      )}
      {cycleId === 0 || cycle.data ? null : cycle.error ? (
        <ErrorNotice error={cycle.error} title="The cycle could not be loaded" />
      ) : (
        <Loading what="the cycle" />
      )}
      {cycle.data
        ? reports.map((r) => (
            <ReportCard key={`${cycleId}-${r.id}`} report={r} cycle={cycle.data} people={people} />
          ))
        : null}
      {open.length === 0
        ? reports.map((r) => (
            <section key={r.id} className="card" aria-label={r.name}>
              <h2>{r.name}</h2>
              <Nominate person={r} />
            </section>
          ))
        : null}
    </>
  );
}
