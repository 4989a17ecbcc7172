import type { Framework } from '../../../src/core/framework/schema.js';
import { latticeOf } from '../../../src/core/lattice/graph.js';
import { moveKindLabel, yearsText } from './kinds.js';

/**
 * The map in words: each track's levels and roles, highest band first, with every move out of each.
 * What a screen reader or a narrow screen reads instead of the drawing.
 */
export function LatticeList({ framework }: { framework: Framework }) {
  const lattice = latticeOf(framework);
  const tracks = [
    ...framework.tracks.filter((t) => t.kind === 'ladder'),
    ...framework.tracks.filter((t) => t.kind !== 'ladder'),
  ];
  return (
    <div className="lattice-list">
      {tracks.map((track) => {
        const members = lattice.nodes
          .map((node, i) => ({ node, out: lattice.out[i]! }))
          .filter(({ node }) => node.track === track.id)
          .sort((a, b) => (b.node.band ?? -1) - (a.node.band ?? -1));
        if (members.length === 0) return null;
        return (
          <section key={track.id} aria-labelledby={`list-${track.id}`}>
            <h3 id={`list-${track.id}`}>{track.name}</h3>
            <ul>
              {members.map(({ node, out }) => (
                <li key={node.id}>
                  <strong>{node.title}</strong>
                  {node.band === null ? '' : `, band ${node.band}`}
                  {out.length === 0 ? (
                    ': no moves out'
                  ) : (
                    <ul className="small">
                      {out.map((edge, i) => (
                        <li key={`${edge.move.id}-${i}`}>
                          {moveKindLabel(edge.move.kind)} to {lattice.nodes[edge.to]!.title}
                          {edge.move.toSpecialisation
                            ? ` (${framework.specialisations.find((s) => s.id === edge.move.toSpecialisation)?.name ?? edge.move.toSpecialisation})`
                            : ''}
                          {edge.move.toCompany ? ` (to a ${edge.move.toCompany.replace('-', ' ')})` : ''},{' '}
                          {yearsText(edge.move.years)} years
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
