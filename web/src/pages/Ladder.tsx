import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { mapLevel, type LevelMapping } from '../../../src/core/framework/levelmap.js';
import type { Framework, Level } from '../../../src/core/framework/schema.js';
import { bandGrid, levelDetail } from '../../../src/core/framework/view.js';
import { useFramework } from '../api/hooks.js';
import { ErrorNotice, Field, Loading, PageHeader } from '../components/ui.js';
import { useTitle } from '../lib/title.js';

const moveKindLabel: Record<string, string> = {
  promotion: 'Promotion',
  'track-switch': 'Track switch',
  lateral: 'Lateral move',
  'specialisation-change': 'Specialisation change',
  'company-change': 'Company change',
};

function nameOf(framework: Framework, id: string): string {
  return (
    framework.levels.find((l) => l.id === id)?.title ?? framework.roles.find((r) => r.id === id)?.title ?? id
  );
}

function years(range: { min: number; max?: number | undefined } | undefined): string {
  if (!range) return 'not given';
  return range.max === undefined || range.max === range.min ? `${range.min}` : `${range.min}–${range.max}`;
}

/** The company picker: "I am Google L5" puts that level on the ladder and lists its equivalents. */
function CompanyPicker({
  framework,
  company,
  code,
  onChange,
}: {
  framework: Framework;
  company: string;
  code: string;
  onChange: (company: string, code: string) => void;
}) {
  const chosen = framework.companies.find((c) => c.id === company);
  return (
    <div className="row">
      <Field label="I work at">
        <select value={company} onChange={(e) => onChange(e.target.value, '')}>
          <option value="">Choose a company…</option>
          {framework.companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="at level">
        <select value={code} disabled={!chosen} onChange={(e) => onChange(company, e.target.value)}>
          <option value="">{chosen ? 'Choose a level…' : 'Pick a company first'}</option>
          {chosen?.levels.map((l) => (
            <option key={`${l.code}-${l.level}`} value={l.code}>
              {l.code}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

function LevelCard({
  level,
  selected,
  highlighted,
  onSelect,
}: {
  level: Level;
  selected: boolean;
  highlighted: boolean;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      className={`level-card track-${level.track}${highlighted ? ' highlight' : ''}`}
      aria-pressed={selected}
      aria-controls="level-detail"
      onClick={onSelect}
    >
      <span className="title">
        {level.title}
        {highlighted ? <span className="tag ok"> you are here</span> : null}
      </span>
      <span className="meta">
        {level.scope} · {level.impact}
        {level.careerLevel ? ' · career level' : ''}
      </span>
    </button>
  );
}

function LevelPanel({
  framework,
  id,
  mapping,
}: {
  framework: Framework;
  id: string;
  mapping: LevelMapping | null;
}) {
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
    <section className="card" aria-labelledby="level-detail-title" tabIndex={-1}>
      <h2 id="level-detail-title">{detail.title}</h2>
      <p className="muted">
        {framework.tracks.find((t) => t.id === detail.track)?.name ?? detail.track}, rank {detail.rank}, band{' '}
        {detail.band} · scope {detail.scope} · typically {years(detail.years)} years in the level
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
      <div className="table-wrap">
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
      </div>
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
        <ul className="lattice-moves">
          {detail.moves.outgoing.map((m) => (
            <li key={m.id}>
              {moveKindLabel[m.kind] ?? m.kind} to <strong>{nameOf(framework, m.to)}</strong>,{' '}
              {years(m.years)} years
              {m.levelChange !== null && m.levelChange < 0
                ? ` (a setback of ${-m.levelChange} band${m.levelChange === -1 ? '' : 's'})`
                : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Ladder() {
  useTitle('Ladder');
  const { data, error, isPending } = useFramework();
  const [params, setParams] = useSearchParams();
  const selected = params.get('level');
  const company = params.get('company') ?? '';
  const code = params.get('code') ?? '';

  const mapping = useMemo(() => {
    if (!data || !company || !code) return null;
    try {
      return mapLevel(data.framework, company, code);
    } catch {
      return null;
    }
  }, [data, company, code]);

  if (isPending) return <Loading what="the framework" />;
  if (error) return <ErrorNotice title="The framework could not be loaded" error={error} />;
  const { framework } = data;
  const ladders = framework.tracks.filter((t) => t.kind === 'ladder');
  const grid = bandGrid(framework);
  const update = (next: Record<string, string | null>) => {
    const copy = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) copy.set(key, value);
      else copy.delete(key);
    }
    setParams(copy, { replace: true });
  };
  const lateral = framework.moves.filter((m) => m.kind !== 'promotion');

  return (
    <>
      <PageHeader title={framework.name}>
        Version {framework.version}. The two tracks side by side: levels on the same row share a band, which
        means the same standing and pay. Choose a level to see what it expects.
      </PageHeader>
      <section className="card" aria-labelledby="where-title">
        <h2 id="where-title">Where do you stand?</h2>
        <CompanyPicker
          framework={framework}
          company={company}
          code={code}
          onChange={(c, k) => {
            const m = c && k ? safeMap(framework, c, k) : null;
            update({ company: c || null, code: k || null, level: m?.level ?? selected });
          }}
        />
      </section>
      <div className="grid-2 ladder-layout">
        <section aria-labelledby="ladder-title">
          <h2 id="ladder-title">The dual-track ladder</h2>
          <div
            className="ladder"
            style={{ ['--tracks' as string]: ladders.length }}
            role="group"
            aria-label="Levels by band"
          >
            <span className="band-label" aria-hidden="true">
              Band
            </span>
            {ladders.map((t) => (
              <span key={t.id} className="track-head">
                {t.name}
              </span>
            ))}
            {grid.map((row) => (
              <div key={row.band} style={{ display: 'contents' }}>
                <span className="band-label">{row.band}</span>
                {ladders.map((t) => (
                  <div key={t.id} className="cell">
                    {(row.cells[t.id] ?? []).map((level) => (
                      <LevelCard
                        key={level.id}
                        level={level}
                        selected={selected === level.id}
                        highlighted={mapping?.level === level.id}
                        onSelect={() => update({ level: level.id })}
                      />
                    ))}
                  </div>
                ))}
              </div>
            ))}
          </div>
          <h2>Beyond the ladder</h2>
          <p className="muted small">Lateral roles, reached by a move rather than a promotion.</p>
          <ul>
            {framework.roles.map((r) => (
              <li key={r.id}>
                <strong>{r.title}</strong>
                {r.band !== undefined ? `, band ${r.band}` : ''}: {r.summary}
              </li>
            ))}
          </ul>
          <details>
            <summary>All {lateral.length} moves across the lattice</summary>
            <ul className="lattice-moves small">
              {lateral.map((m) => (
                <li key={m.id}>
                  {moveKindLabel[m.kind] ?? m.kind}: {nameOf(framework, m.from)} → {nameOf(framework, m.to)} (
                  {years(m.years)} years)
                </li>
              ))}
            </ul>
          </details>
        </section>
        {/* Always present: the ladder's cards control it (aria-controls) before a level is chosen too. */}
        <div id="level-detail">
          {selected ? (
            <LevelPanel framework={framework} id={selected} mapping={mapping} />
          ) : (
            <div className="empty">
              <h3>Choose a level</h3>
              <p>
                Select any level on the ladder to see its expectations per competency, typical years,
                archetypes and the company levels that map to it.
              </p>
            </div>
          )}
        </div>
      </div>
    </>
  );
}

function safeMap(framework: Framework, company: string, code: string): LevelMapping | null {
  try {
    return mapLevel(framework, company, code);
  } catch {
    return null;
  }
}
