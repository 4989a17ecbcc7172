import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Framework } from '../../../../src/core/framework/schema.js';
import type { PathResult } from '../../../../src/core/lattice/paths.js';
import { Choice, Field } from '../../components/ui.js';
import { LatticeMap, MapLegend } from '../../lattice/LatticeMap.js';

/**
 * One of the ranked paths drawn on the lattice map: its positions numbered from the start (0), its
 * moves drawn thick, the rest faded. A node opens on the lattice page.
 */
export function PathMap({ framework, result }: { framework: Framework; result: PathResult }) {
  const navigate = useNavigate();
  const [chosen, setChosen] = useState('0');
  const index = Number(chosen) < result.paths.length ? Number(chosen) : 0;
  const path = result.paths[index];
  if (!path) return null;
  return (
    <section aria-labelledby="path-map-title">
      <h2 id="path-map-title">The path on the lattice</h2>
      <div className="row">
        <Field label="Path shown">
          <Choice
            value={String(index)}
            onChange={setChosen}
            options={result.paths.map((p, i) => ({
              value: String(i),
              label: `Path ${i + 1}: ${p.steps.length} move${p.steps.length === 1 ? '' : 's'}, about ${p.expectedYears} years`,
            }))}
          />
        </Field>
      </div>
      <MapLegend />
      <figure className="lattice-map">
        <div className="map-scroll" role="region" aria-label="The lattice map with the path" tabIndex={0}>
          <LatticeMap
            key={index}
            framework={framework}
            highlight={path}
            label={`The lattice with path ${index + 1} marked, its positions numbered from the start`}
            onOpen={(id) => void navigate(`/lattice?node=${encodeURIComponent(id)}`)}
          />
        </div>
        <figcaption className="small muted">
          Path {index + 1} drawn thick, its positions numbered from the start (0). Open a level to read it on
          the lattice page.
        </figcaption>
      </figure>
    </section>
  );
}
