import { useParams } from 'react-router';
import { grantsAny } from '../../../../../src/core/org/policy.js';
import { useCase, useMe, type CaseDecision } from '../../../api/reviews.js';
import { ErrorNotice, Loading, PageHeader } from '../../../components/ui.js';
import { Bundle } from './Bundle.js';
import { AssignCommittee, RationaleForm } from './Steps.js';

function DecisionText({ title, decision }: { title: string; decision: CaseDecision }) {
  return (
    <>
      <h3>{title}</h3>
      <p>
        <strong>{decision.decision}</strong> on {decision.at.slice(0, 10)}
        {decision.effectiveDate ? `, effective ${decision.effectiveDate}` : ''}: {decision.rationale}
      </p>
    </>
  );
}

/** A promotion case: the bundle, the committee and its votes, the decision, the one appeal. */
export default function Case() {
  const id = Number(useParams().id);
  const found = useCase(id);
  const { me, people, account, isPending, error } = useMe();
  if (found.isPending || isPending) return <Loading what="the case" />;
  if (found.error ?? error)
    return <ErrorNotice error={found.error ?? error} title="The case could not be loaded" />;
  const c = found.data;
  const roles = account?.roles ?? [];
  const name = (pid: number) => people.find((p) => p.id === pid)?.name ?? `person ${pid}`;
  const seated = c.committee.filter((s) => s.round === c.round);
  const open = c.status === 'open' || c.status === 'appealed';
  const myVote = c.votes?.find((v) => v.round === c.round && v.personId === me?.id);
  const mine = me?.id === c.personId;
  return (
    <>
      <PageHeader
        title={`Case ${c.id}: ${c.person.name} for ${c.names.levels[c.targetLevel] ?? c.targetLevel}`}
      >
        {c.status}
        {c.round > 1 ? ', on appeal' : ''}
      </PageHeader>
      <Bundle bundle={c} />
      <section className="card" aria-labelledby="committee-heading">
        <h2 id="committee-heading">Committee</h2>
        <p>{seated.length === 0 ? 'No committee yet.' : seated.map((s) => name(s.personId)).join(', ')}</p>
        <p>
          Votes: {c.tally.approve} approve, {c.tally.decline} decline, {c.tally.defer} defer.
        </p>
        {c.votes?.length ? (
          <ul>
            {c.votes
              .filter((v) => v.round === c.round)
              .map((v) => (
                <li key={v.personId}>
                  {name(v.personId)}: {v.vote}: {v.rationale}
                </li>
              ))}
          </ul>
        ) : null}
        {open && grantsAny(roles, 'case.assign') ? <AssignCommittee bundle={c} people={people} /> : null}
        {open && !myVote && seated.some((s) => s.personId === me?.id) ? (
          <RationaleForm step="votes" bundle={c} label="Your vote" button="Record the vote" withDecision />
        ) : null}
      </section>
      <section className="card" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Decision</h2>
        {c.decision ? <DecisionText title="First decision" decision={c.decision} /> : <p>Not decided yet.</p>}
        {c.appeal ? (
          <>
            <h3>Appeal</h3>
            <p>{c.appeal.reason}</p>
            {c.appeal.decision ? <DecisionText title="On appeal" decision={c.appeal.decision} /> : null}
          </>
        ) : null}
        {open && grantsAny(roles, 'case.decide') ? (
          <RationaleForm
            step="decision"
            bundle={c}
            label="Decide the case"
            button="Record the decision"
            withDecision
            withDate
          />
        ) : null}
        {mine && c.status === 'decided' && c.decision?.decision !== 'approve' && !c.appeal ? (
          <RationaleForm
            step="appeal"
            bundle={c}
            label="Appeal the decision"
            button="Appeal"
            withDecision={false}
          />
        ) : null}
      </section>
    </>
  );
}
