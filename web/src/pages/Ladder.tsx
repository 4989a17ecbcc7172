import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { mapLevel, type LevelMapping } from '../../../src/core/framework/levelmap.js';
import type { Framework, Level } from '../../../src/core/framework/schema.js';
import { bandGrid } from '../../../src/core/framework/view.js';
import { useFramework } from '../api/hooks.js';
import { ErrorNotice, Field, Loading, PageHeader } from '../components/ui.js';
import { moveKindLabel, yearsText } from '../lattice/kinds.js';
import { LevelPanel, nameOf } from './ladder/LevelPanel.js';
import { useTitle } from '../lib/title.js';

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

export default function Ladder() {
  useTitle('Ladder');
  const { data, error, isPending } = useFramework();
  const [params, setParams] = useSearchParams();
  const selected = params.get('level');
  const company = params.get('company') ?? '';
  const code = params.get('code') ?? '';
  // Set once a level is chosen here (not when the page opens on a link): the detail then takes focus.
  const [chosen, setChosen] = useState(false);

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
            // The pickers keep focus while they are used; the detail follows them without taking it.
            setChosen(false);
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
                        onSelect={() => {
                          setChosen(true);
                          update({ level: level.id });
                        }}
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
                  {moveKindLabel(m.kind)}: {nameOf(framework, m.from)} → {nameOf(framework, m.to)} (
                  {yearsText(m.years)} years)
                </li>
              ))}
            </ul>
          </details>
        </section>
        {/* Always present: the ladder's cards control it (aria-controls) before a level is chosen too. */}
        <div id="level-detail">
          {selected ? (
            <LevelPanel framework={framework} id={selected} mapping={mapping} focusOnShow={chosen} />
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
