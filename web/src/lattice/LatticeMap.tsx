import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Framework, MoveKind } from '../../../src/core/framework/schema.js';
import { moveKinds } from '../../../src/core/framework/schema.js';
import { moveKindStyle } from './kinds.js';
import {
  GUTTER,
  HEADER,
  layoutLattice,
  LINE_HEIGHT,
  neighbour,
  type Direction,
  type PlacedNode,
} from './layout.js';

/** A path to draw over the map: its moves, in order. */
export interface MapHighlight {
  steps: { from: string; to: string; move: string }[];
}

const keys: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

const trackColour: Record<string, string> = { ic: '#1f5f8b', management: '#8a4b08' };

/** One marker per kind of move, ids prefixed so that two maps on a page keep their own. */
function Markers({ prefix }: { prefix: string }) {
  return (
    <defs>
      {moveKinds.map((kind) => {
        const { colour, marker } = moveKindStyle[kind];
        return (
          <marker
            key={kind}
            id={`${prefix}-${kind}`}
            viewBox="0 0 10 10"
            refX={marker === 'dot' || marker === 'diamond' || marker === 'bar' ? 5 : 9}
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            {marker === 'arrow' ? <path d="M0,0 L10,5 L0,10 z" fill={colour} /> : null}
            {marker === 'open' ? (
              <path d="M1,1 L9,5 L1,9" fill="none" stroke={colour} strokeWidth="2" />
            ) : null}
            {marker === 'dot' ? <circle cx="5" cy="5" r="4" fill={colour} /> : null}
            {marker === 'diamond' ? <path d="M5,0 L10,5 L5,10 L0,5 z" fill={colour} /> : null}
            {marker === 'bar' ? <rect x="3" y="0" width="4" height="10" fill={colour} /> : null}
          </marker>
        );
      })}
    </defs>
  );
}

/** The legend: a sample line of each kind with its marker and dashes, and its name in words. */
export function MapLegend() {
  const prefix = useId().replace(/:/g, '');
  return (
    <ul className="map-legend" aria-label="Kinds of move">
      {moveKinds.map((kind: MoveKind) => {
        const style = moveKindStyle[kind];
        return (
          <li key={kind}>
            <svg width="56" height="14" aria-hidden="true" focusable="false">
              <Markers prefix={prefix} />
              <path
                d="M2,7 L44,7"
                stroke={style.colour}
                strokeWidth="2"
                strokeDasharray={style.dash}
                markerEnd={`url(#${prefix}-${kind})`}
              />
            </svg>
            {style.label}
          </li>
        );
      })}
    </ul>
  );
}

/** A path's step number on its node, drawn apart from the node so its name stays the node's title. */
function StepBadge({ node, step }: { node: PlacedNode; step: number }) {
  return (
    <g aria-hidden="true">
      <circle cx={node.x + node.width - 4} cy={node.y + 4} r="9" fill="#1f5f8b" />
      <text x={node.x + node.width - 4} y={node.y + 8} textAnchor="middle" fontSize="11" fill="#ffffff">
        {step}
      </text>
    </g>
  );
}

function NodeBox({ node, step }: { node: PlacedNode; step: number | undefined }) {
  const colour = trackColour[node.track] ?? '#4f5862';
  return (
    <>
      <rect
        className="box"
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx="6"
        fill={step !== undefined ? '#e3eef6' : '#ffffff'}
        stroke={colour}
        strokeWidth={step !== undefined ? 3 : 1.5}
        strokeDasharray={node.kind === 'role' ? '5 3' : undefined}
      />
      <rect x={node.x} y={node.y} width="6" height={node.height} rx="3" fill={colour} />
      <text x={node.x + node.width / 2 + 3} y={node.y + 6} textAnchor="middle" fontSize="12" fill="#1d2125">
        {node.lines.map((line, i) => (
          <tspan key={i} x={node.x + node.width / 2 + 3} dy={LINE_HEIGHT}>
            {i > 0 ? ` ${line}` : line}
          </tspan>
        ))}
      </text>
    </>
  );
}

/**
 * The lattice drawn as a map: levels and roles by band (rows) and track (columns), moves as lines
 * styled by kind. The nodes are one tab stop (a roving tabindex): the arrow keys move to the
 * neighbour in that direction, Enter or Space opens the node. A highlighted path numbers its
 * positions (the start is 0) and fades the other moves.
 */
export function LatticeMap({
  framework,
  selected,
  highlight,
  label,
  onOpen,
}: {
  framework: Framework;
  selected?: string | null | undefined;
  highlight?: MapHighlight | undefined;
  label: string;
  onOpen: (id: string) => void;
}) {
  const layout = useMemo(() => layoutLattice(framework), [framework]);
  const prefix = useId().replace(/:/g, '');
  const start = highlight?.steps[0]?.from;
  const [active, setActive] = useState<string>(() => selected ?? start ?? layout.nodes[0]?.id ?? '');
  const refs = useRef(new Map<string, SVGGElement>());
  const steps = new Map<string, number>();
  if (highlight && start) {
    steps.set(start, 0);
    highlight.steps.forEach((s, i) => steps.set(s.to, i + 1));
  }
  const onPath = (e: { id: string; from: string; to: string }) =>
    highlight?.steps.some((s) => s.move === e.id && s.from === e.from && s.to === e.to) ?? false;
  const focusable = layout.nodes.some((n) => n.id === active) ? active : layout.nodes[0]?.id;

  const onKeyDown = (event: KeyboardEvent, id: string) => {
    const direction = keys[event.key];
    if (direction) {
      event.preventDefault();
      const next = neighbour(layout, id, direction);
      if (next) {
        setActive(next);
        const node = refs.current.get(next);
        node?.focus();
        // Focus alone does not scroll an SVG element into its scrolling frame.
        node?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(id);
    }
  };

  return (
    <svg
      className="lattice-svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={label}
    >
      <Markers prefix={prefix} />
      <g aria-hidden="true">
        {layout.columns.map((c) => (
          <text
            key={c.track}
            x={c.x}
            y={HEADER - 16}
            textAnchor="middle"
            fontSize="13"
            fontWeight="700"
            fill="#1d2125"
          >
            {c.name}
          </text>
        ))}
        {layout.rows.map((r) => (
          <text
            key={String(r.band)}
            x={GUTTER / 2}
            y={r.y + r.height / 2 + 4}
            textAnchor="middle"
            fontSize="12"
            fill="#4f5862"
          >
            {r.band === null ? '–' : `Band ${r.band}`}
          </text>
        ))}
      </g>
      <g aria-hidden="true" fill="none">
        {layout.edges.map((e, i) => {
          const style = moveKindStyle[e.kind];
          const marked = onPath(e);
          return (
            <path
              key={`${e.id}-${i}`}
              className={`edge kind-${e.kind}${marked ? ' on-path' : ''}`}
              d={e.d}
              stroke={style.colour}
              strokeWidth={marked ? 4 : 1.5}
              strokeDasharray={style.dash}
              opacity={highlight && !marked ? 0.35 : 1}
              markerEnd={`url(#${prefix}-${e.kind})`}
            />
          );
        })}
      </g>
      {layout.nodes.map((node) => {
        const step = steps.get(node.id);
        const track = framework.tracks.find((t) => t.id === node.track)?.name ?? node.track;
        const where = node.band === null ? track : `${track}, band ${node.band}`;
        return (
          <g
            key={node.id}
            ref={(el) => {
              if (el) refs.current.set(node.id, el);
              else refs.current.delete(node.id);
            }}
            className={`lattice-node${selected === node.id ? ' selected' : ''}`}
            data-id={node.id}
            role="button"
            tabIndex={node.id === focusable ? 0 : -1}
            aria-label={`${node.title}, ${where}${step !== undefined ? `, step ${step} of the path` : ''}`}
            aria-pressed={selected === undefined ? undefined : selected === node.id}
            onClick={() => {
              setActive(node.id);
              onOpen(node.id);
            }}
            onFocus={() => setActive(node.id)}
            onKeyDown={(e) => onKeyDown(e, node.id)}
          >
            <NodeBox node={node} step={step} />
          </g>
        );
      })}
      {layout.nodes.map((node) => {
        const step = steps.get(node.id);
        return step === undefined ? null : <StepBadge key={node.id} node={node} step={step} />;
      })}
    </svg>
  );
}
