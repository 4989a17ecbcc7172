import { Link, useParams } from 'react-router';
import { useDirectory, usePerson, type DirectoryEntry, type PersonRecord } from '../../api/org.js';
import { ErrorNotice, Loading, PageHeader, ScrollTable } from '../../components/ui.js';
import { PersonRatings } from './PersonRatings.js';

function PersonLink({ person }: { person: DirectoryEntry }) {
  return <Link to={`/org/people/${person.id}`}>{person.name}</Link>;
}

/** What the record adds to the directory: level, dates, zone and, for hr and admin, gender. */
function RecordDetails({ record }: { record: PersonRecord }) {
  const rows: [string, string | undefined][] = [
    [
      'Level',
      `${record.levelTitle ?? record.level} (${record.level}${record.frameworkVersion ? `, framework version ${record.frameworkVersion}` : ''})`,
    ],
    ['Specialisation', record.specialisation],
    ['Level since', record.levelStartDate],
    ['Started', record.startDate],
    ['Pay zone', record.zone],
    ['Status', record.status === 'left' ? `left on ${record.leaveDate}` : record.status],
    ['Gender (self-reported)', record.gender],
  ];
  return (
    <>
      <dl className="facts">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3>Level history</h3>
      <ScrollTable label="Level history">
        <table>
          <caption>Each level held, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Since</th>
              <th scope="col">Why</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {record.levelHistory.map((h, i) => (
              <tr key={`${h.level}-${h.levelStartDate}-${i}`}>
                <td>{h.level}</td>
                <td>{h.levelStartDate}</td>
                <td>{h.cause}</td>
                <td>{h.at.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

/** A person's page: the directory's facts for everyone, the record for those the role shows it to. */
export default function Person() {
  const id = Number(useParams().id);
  const everyone = useDirectory();
  const record = usePerson(id);
  const entry = everyone.data?.find((p) => p.id === id);
  if (everyone.isPending || record.isPending) return <Loading what="this person" />;
  const error = everyone.error ?? record.error;
  if (error) return <ErrorNotice error={error} title="This person could not be loaded" />;
  if (!entry) return <PageHeader title="No such person">Nobody in the directory has this id.</PageHeader>;
  const byEmail = new Map(everyone.data!.map((p) => [p.email, p]));
  const manager = entry.managerEmail ? byEmail.get(entry.managerEmail) : undefined;
  const reports = everyone.data!.filter((p) => p.managerEmail === entry.email && p.status === 'active');
  return (
    <>
      <PageHeader title={entry.name}>
        {entry.email}
        {entry.team ? ` · ${entry.team}` : ''}
      </PageHeader>
      <div className="grid-2">
        <section className="card" aria-labelledby="record-heading">
          <h2 id="record-heading">Record</h2>
          {record.data ? (
            <RecordDetails record={record.data} />
          ) : (
            <p>Your role does not show {entry.name}&rsquo;s level, dates or pay zone.</p>
          )}
        </section>
        <section className="card" aria-labelledby="lines-heading">
          <h2 id="lines-heading">Reporting lines</h2>
          <h3>Manager</h3>
          <p>{manager ? <PersonLink person={manager} /> : 'Nobody: the top of the tree.'}</p>
          <h3>Reports</h3>
          {reports.length === 0 ? (
            <p>No reports.</p>
          ) : (
            <ul>
              {reports.map((r) => (
                <li key={r.id}>
                  <PersonLink person={r} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {record.data ? <PersonRatings personId={id} /> : null}
    </>
  );
}
