import type { Packet } from '../../../../src/core/evidence/packet.js';
import type { Framework } from '../../../../src/core/framework/schema.js';

/** The packet's title: whose it is, for which level, and when it was made. */
export function packetTitle(packet: Packet, person: string | undefined, date: string): string {
  return `${person ?? 'Promotion packet'}${person ? ': promotion packet' : ''} for ${packet.level.title}, ${date}`;
}

/**
 * The promotion packet as it is read and printed: a title naming the person, the target level and
 * the date, then each expectation with its evidence, every link written out so it survives on paper.
 */
export function PacketView({
  packet,
  framework,
  title,
}: {
  packet: Packet;
  framework: Framework;
  title: string;
}) {
  return (
    <article className="packet" aria-labelledby="packet-title">
      <h1 id="packet-title" className="packet-title">
        {title}
      </h1>
      <p className="muted">
        {framework.name} {framework.version}. {packet.summary.withEvidence} of {packet.summary.expectations}{' '}
        expectations have evidence; {packet.summary.entries} entries, {packet.summary.atLevelScope} at the
        level's scope ({packet.level.scope}) or wider.
      </p>
      {packet.sections.map((s) => (
        <section key={s.competency}>
          <h2>
            {s.name}{' '}
            <span className="muted small">
              expected {s.rating} ({s.label})
            </span>
          </h2>
          <p className="small">{s.text}</p>
          {s.evidence.length === 0 ? (
            <p className="tag bad">No evidence yet</p>
          ) : (
            <ul>
              {s.evidence.map((e, i) => (
                <li key={`${e.date}-${i}`}>
                  <strong>{e.date}</strong> {e.title}
                  {e.scope ? <span className="muted"> ({e.scope})</span> : null}
                  {e.description ? <div className="small">{e.description}</div> : null}
                  {e.links?.length ? (
                    <ul className="packet-links" aria-label={`Links of ${e.title}`}>
                      {e.links.map((link) => (
                        <li key={link}>
                          <a href={link}>{link}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </article>
  );
}
