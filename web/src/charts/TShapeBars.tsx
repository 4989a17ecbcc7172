import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { rotatedLabelRoom, shortLabel, wrapWords } from './ticks.js';

const FONT = 11;
const ANGLE = -35;
const Y_AXIS = 32;
const MAX_LABEL = 18;
/** Room right of the bars for the thresholds' names, so that they sit beside the lines, over no bar. */
const THRESHOLD_ROOM = 60;
/** Below this much width per bar, slanted names would run into each other: the bars lie down instead. */
const MIN_COLUMN = 48;
const ROW = 42;
const LINE = 13;
/** Names written across wrap between words onto lines of this width, up to three. */
const NAME_WIDTH = 132;

/**
 * The depth and breadth thresholds as lines across the skill axis (`y` when the bars stand, `x`
 * when they lie), each named at its end in its own colour. An array, so that they stay direct
 * children of the chart.
 */
function thresholdLines(axis: 'x' | 'y', depth: number, breadth: number) {
  return [
    { name: 'depth', value: depth, colour: '#1e6b3a' },
    { name: 'breadth', value: breadth, colour: '#8a4b08' },
  ].map((t) => (
    <ReferenceLine
      key={t.name}
      {...{ [axis]: t.value }}
      stroke={t.colour}
      strokeDasharray="5 4"
      label={{ value: t.name, position: axis === 'y' ? 'right' : 'top', fontSize: FONT, fill: t.colour }}
    />
  ));
}

/** Skill per specialisation, with the depth and breadth thresholds drawn in. Loaded lazily. */
export default function TShapeBars({
  data,
  depth,
  breadth,
}: {
  data: { name: string; skill: number }[];
  depth: number;
  breadth: number;
}) {
  // The window's width until the chart's own box is measured: the chart never wider than the window,
  // a phone draws the lying bars from its first frame rather than switching to them after one.
  const [width, setWidth] = useState<number>(() => window.innerWidth);
  const labels = data.map((d) => shortLabel(d.name, MAX_LABEL));
  if (width < data.length * MIN_COLUMN)
    return <LyingBars data={data} depth={depth} breadth={breadth} onResize={setWidth} />;
  const room = rotatedLabelRoom(labels, { fontSize: FONT, angle: ANGLE, yAxisWidth: Y_AXIS });
  return (
    <ResponsiveContainer width="100%" height={230 + room.height} onResize={(w) => setWidth(w)}>
      <BarChart data={data} margin={{ top: 8, right: THRESHOLD_ROOM, bottom: 8, left: room.left }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="name"
          tick={{ fontSize: FONT }}
          tickFormatter={(v: string) => shortLabel(String(v), MAX_LABEL)}
          interval={0}
          angle={ANGLE}
          textAnchor="end"
          height={room.height}
        />
        <YAxis domain={[0, 5]} allowDecimals={false} width={Y_AXIS} />
        <Tooltip />
        {thresholdLines('y', depth, breadth)}
        <Bar dataKey="skill" name="Skill" fill="#1f5f8b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The same chart on a narrow screen: one row per specialisation, its name written across in full. */
function LyingBars({
  data,
  depth,
  breadth,
  onResize,
}: {
  data: { name: string; skill: number }[];
  depth: number;
  breadth: number;
  onResize: (width: number) => void;
}) {
  return (
    <ResponsiveContainer width="100%" height={data.length * ROW + 56} onResize={(w) => onResize(w)}>
      <BarChart data={data} layout="vertical" margin={{ top: 24, right: 12, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 5]} allowDecimals={false} tick={{ fontSize: FONT }} />
        <YAxis
          type="category"
          dataKey="name"
          width={NAME_WIDTH}
          interval={0}
          tick={(props: { x: number | string; y: number | string; payload: { value: unknown } }) => (
            <NameTick x={Number(props.x)} y={Number(props.y)} name={String(props.payload.value)} />
          )}
        />
        <Tooltip />
        {thresholdLines('x', depth, breadth)}
        <Bar dataKey="skill" name="Skill" fill="#1f5f8b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A specialisation's whole name left of its bar, on lines broken between words, centred on the bar. */
function NameTick({ x, y, name }: { x: number; y: number; name: string }) {
  const lines = wrapWords(name, NAME_WIDTH - 8, FONT);
  return (
    <text className="tshape-name" x={x - 4} y={y} textAnchor="end" fontSize={FONT} fill="#4f5862">
      {lines.map((line, i) => (
        <tspan key={i} x={x - 4} dy={i === 0 ? FONT * 0.35 - ((lines.length - 1) * LINE) / 2 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
