import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface BarPart {
  key: string;
  name: string;
  colour: string;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Pay per year, one stacked bar per offer and year. Loaded lazily with the chart library. */
export default function StackedBars({
  data,
  parts,
}: {
  data: Record<string, string | number>[];
  parts: BarPart[];
}) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11 }}
          interval={0}
          angle={-30}
          textAnchor="end"
          height={60}
        />
        <YAxis tickFormatter={(v: number) => compact.format(v)} width={56} />
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
