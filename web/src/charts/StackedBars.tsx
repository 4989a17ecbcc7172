import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { rotatedLabelRoom, shortLabel } from './ticks.js';

export interface BarPart {
  key: string;
  name: string;
  colour: string;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const FONT = 11;
const ANGLE = -35;
const Y_AXIS = 56;
const MAX_LABEL = 16;

/** Pay per year, one stacked bar per offer and year. Loaded lazily with the chart library. */
export default function StackedBars({
  data,
  parts,
  counts = false,
}: {
  data: Record<string, string | number>[];
  parts: BarPart[];
  /** Bars of people counted: the axis ticks whole numbers only (no "2.3 people"). */
  counts?: boolean;
}) {
  const labels = data.map((d) => shortLabel(String(d.label), MAX_LABEL, true));
  const room = rotatedLabelRoom(labels, { fontSize: FONT, angle: ANGLE, yAxisWidth: Y_AXIS });
  return (
    <ResponsiveContainer width="100%" height={280 + room.height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: room.left }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: FONT }}
          tickFormatter={(v: string) => shortLabel(String(v), MAX_LABEL, true)}
          interval={0}
          angle={ANGLE}
          textAnchor="end"
          height={room.height}
        />
        <YAxis tickFormatter={(v: number) => compact.format(v)} width={Y_AXIS} allowDecimals={!counts} />
        <Tooltip
          formatter={(v) =>
            typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(v)
          }
        />
        <Legend />
        {parts.map((p) => (
          <Bar
            key={p.key}
            dataKey={p.key}
            name={p.name}
            stackId="pay"
            fill={p.colour}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
