import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useFramework } from '../api/hooks.js';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.js';
import { LatticeList } from '../lattice/LatticeList.js';
import { LatticeMap, MapLegend } from '../lattice/LatticeMap.js';
import { useTitle } from '../lib/title.js';
import { NodePanel } from './ladder/LevelPanel.js';

/** The whole lattice as a map: every level and role by band and track, every move by kind. */
export default function LatticePage() {
  useTitle('Lattice');
  const { data, error, isPending } = useFramework();
  const [params, setParams] = useSearchParams();
  const node = params.get('node');
  // Set once a node is opened here, not when the page opens on a link: the panel then takes focus.
  const [opened, setOpened] = useState(false);

  if (isPending) return <Loading what="the framework" />;
  if (error) return <ErrorNotice title="The framework could not be loaded" error={error} />;
  const { framework } = data;
  const open = (id: string) => {
    setOpened(true);
    const copy = new URLSearchParams(params);
    copy.set('node', id);
    setParams(copy, { replace: true });
  };

  return (
    <>
      <PageHeader title="The lattice">
        Every level and lateral role of {framework.name}, placed by band (higher up means more standing and
        pay) and by track, with every move between them. Open a level to read what it expects.
      </PageHeader>
      <section aria-labelledby="map-title">
        <h2 id="map-title">Map</h2>
        <p className="small muted" id="map-keys">
          Tab to the map, move between neighbours with the arrow keys, and press Enter to open one. Dashed
          boxes are lateral roles.
        </p>
        <MapLegend />
        <figure className="lattice-map">
          <div className="map-scroll" role="region" aria-label="The lattice map" tabIndex={0}>
            <LatticeMap
              framework={framework}
              selected={node}
              label={`The lattice of ${framework.name}: levels and roles by band and track`}
              onOpen={open}
            />
          </div>
          <figcaption className="small muted">
            On a narrow screen the map scrolls sideways inside its frame.
          </figcaption>
        </figure>
      </section>
      <div id="node-detail">
        {node ? (
          <NodePanel framework={framework} id={node} focusOnShow={opened} />
        ) : (
          <div className="empty">
            <h3>Choose a level or role</h3>
            <p>Its expectations, typical years and the moves out of it show here.</p>
          </div>
        )}
      </div>
      <details className="card">
        <summary>The lattice as a list: every level and role with its moves</summary>
        <LatticeList framework={framework} />
      </details>
    </>
  );
}
