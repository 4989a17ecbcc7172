import { useEffect, useMemo, useRef } from 'react';
import type { LevelMapping } from '../../../../src/core/framework/levelmap.js';
import type { Framework } from '../../../../src/core/framework/schema.js';
import { levelDetail, roleDetail } from '../../../../src/core/framework/view.js';
import { ErrorNotice, ScrollTable } from '../../components/ui.js';
import { moveKindLabel, yearsText } from '../../lattice/kinds.js';

export function nameOf(framework: Framework, id: string): string {
  return (
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id
  );
}

/**
 * A panel that, when asked, scrolls into view and takes focus each time it shows another node: on a
 * phone the detail is far below what was tapped, and a keyboard or screen reader user lands on it.
 */
function useShownFocus(id: string, focusOnShow: boolean) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusOnShow || !ref.current) return;
    const panel = ref.current;
    panel.focus({ preventScroll: true });
    // Only when its top is out of sight: beside the ladder on a desktop it is already in view.
    const top = panel.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 80) panel.scrollIntoView({ block: 'start' });
  }, [id, focusOnShow]);
  return ref;
}

function MoveList({
  framework,
  moves,
}: {
  framework: Framework;
  moves: ReturnType<typeof levelDetail>['moves']['outgoing'];
}) {
  return (
    <ul className="lattice-moves">
      {moves.map((m) => (
        <li key={m.id}>
          {moveKindLabel(m.kind)} to <strong>{nameOf(framework, m.to)}</strong>, {yearsText(m.years)} years
          {m.levelChange !== null && m.levelChange < 0
            ? ` (a setback of ${-m.levelChange} band${m.levelChange === -1 ? '' : 's'})`
            : ''}
        </li>
      ))}
    </ul>
  );
}

/** A lateral role: what it is, its band, the company titles that map to it and the moves out. */
export function RolePanel({
  framework,
  id,
  focusOnShow = false,
}: {
  framework: Framework;
  id: string;
  focusOnShow?: boolean;
}) {
  const section = useShownFocus(id, focusOnShow);
  const detail = useMemo(() => roleDetail(framework, id), [framework, id]);
  if (!detail)
    return <ErrorNotice title="Unknown role" error={new Error(`This framework has no role "${id}".`)} />;
  return (
    <section ref={section} className="card level-panel" aria-labelledby="level-detail-title" tabIndex={-1}>
      <h2 id="level-detail-title">{detail.title}</h2>
      <p className="muted">
        {framework.tracks.find((t) => t.id === detail.track)?.name ?? detail.track}
        {detail.band !== undefined ? `, band ${detail.band}` : ''} · a lateral role, reached by a move
      </p>
      <p>{detail.summary}</p>
      {detail.companies.length > 0 ? (
        <p>
          <strong>Elsewhere:</strong>{' '}
          {detail.companies.map((c) => `${c.name} ${c.codes.join('/')}`).join(', ')}
        </p>
      ) : null}
      <h3>Moves from here</h3>
      {detail.moves.outgoing.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <MoveList framework={framework} moves={detail.moves.outgoing} />
      )}
    </section>
  );
}

/** The panel of a level or a role. */
export function NodePanel({
  framework,
  id,
  focusOnShow,
}: {
  framework: Framework;
  id: string;
  focusOnShow?: boolean;
}) {
  return framework.roles.some((r) => r.id === id) ? (
    <RolePanel framework={framework} id={id} focusOnShow={focusOnShow ?? false} />
  ) : (
    <LevelPanel framework={framework} id={id} focusOnShow={focusOnShow ?? false} />
  );
}

export function LevelPanel({
  framework,
  id,
  mapping = null,
  focusOnShow = false,
}: {
  framework: Framework;
  id: string;
  mapping?: LevelMapping | null;
  /** Bring the panel into view and move focus to it whenever it shows a level: after a choice. */
  focusOnShow?: boolean;
}) {
  const section = useShownFocus(id, focusOnShow);
  const detail = useMemo(() => {
    try {
      return levelDetail(framework, id);
    } catch {
      return null;
    }
  }, [framework, id]);
  if (!detail)
    return <ErrorNotice title="Unknown level" error={new Error(`This framework has no level "${id}".`)} />;
  return (
    <section ref={section} className="card level-panel" aria-labelledby="level-detail-title" tabIndex={-1}>
      <h2 id="level-detail-title">{detail.title}</h2>
      <p className="muted">
        {framework.tracks.find((t) => t.id === detail.track)?.name ?? detail.track}, rank {detail.rank}, band{' '}
        {detail.band} · scope {detail.scope} · typically {yearsText(detail.years)} years in the level
        {detail.careerLevel ? ' · a career level: one may stay here for good' : ''}
      </p>
      {detail.summary ? <p>{detail.summary}</p> : null}
      <p>
        <strong>Impact:</strong> {detail.impact}
      </p>
      {mapping && mapping.level === detail.id ? (
        <p className="notice ok-notice">
          {framework.companies.find((c) => c.id === mapping.company)?.name} {mapping.code} lands here.
          {mapping.equivalents.length > 0 ? ' Elsewhere: ' : ''}
          {mapping.equivalents
            .map(
              (e) =>
                `${framework.companies.find((c) => c.id === e.company)?.name ?? e.company} ${e.codes.join('/')}${e.match === 'band' ? ' (same band)' : ''}`,
            )
            .join(', ')}
        </p>
      ) : detail.companies.length > 0 ? (
        <p>
          <strong>Elsewhere:</strong>{' '}
          {detail.companies.map((c) => `${c.name} ${c.codes.join('/')}`).join(', ')}
        </p>
      ) : null}
      <h3>Expectations</h3>
      <ScrollTable label="Expectations">
        <table>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Rating</th>
              <th scope="col">What meeting it looks like</th>
            </tr>
          </thead>
          <tbody>
            {detail.expectations.map((e) => (
              <tr key={e.competency}>
                <th scope="row">{e.name}</th>
                <td>
                  {e.rating} <span className="muted small">{e.label}</span>
                </td>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {detail.rule ? (
        <p className="small">
          <strong>Promotion rule:</strong> {detail.rule.text}
        </p>
      ) : null}
      {detail.archetypes.length > 0 ? (
        <>
          <h3>Archetypes</h3>
          <ul>
            {detail.archetypes.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>
                {a.description ? `: ${a.description}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Moves from here</h3>
      {detail.moves.outgoing.length === 0 ? (
        <p className="muted">None: this is the top of the lattice.</p>
      ) : (
        <MoveList framework={framework} moves={detail.moves.outgoing} />
      )}
    </section>
  );
}
