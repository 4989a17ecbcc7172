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
import { rotatedLabelRoom, shortLabel } from './ticks.js';

const FONT = 11;
const ANGLE = -35;
const Y_AXIS = 32;
const MAX_LABEL = 18;
/** Room right of the bars for the thresholds' names, so that they sit beside the lines, over no bar. */
const THRESHOLD_ROOM = 60;

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
  const labels = data.map((d) => shortLabel(d.name, MAX_LABEL));
  const room = rotatedLabelRoom(labels, { fontSize: FONT, angle: ANGLE, yAxisWidth: Y_AXIS });
  return (
    <ResponsiveContainer width="100%" height={230 + room.height}>
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
        <ReferenceLine
          y={depth}
          stroke="#1e6b3a"
          strokeDasharray="5 4"
          label={{ value: 'depth', position: 'right', fontSize: FONT, fill: '#1e6b3a' }}
        />
        <ReferenceLine
          y={breadth}
          stroke="#8a4b08"
          strokeDasharray="5 4"
          label={{ value: 'breadth', position: 'right', fontSize: FONT, fill: '#8a4b08' }}
        />
        <Bar dataKey="skill" name="Skill" fill="#1f5f8b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
