import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const COLOURS = ['#2171b5', '#d94801', '#238b45', '#6a51a3', '#b10026'];

/** Yearly pay along each path over the expected years: one stepped line per path. Loaded lazily. */
export default function PathPay({ data, paths }: { data: Record<string, number | null>[]; paths: string[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" type="number" domain={[0, 'dataMax']} tickFormatter={(v: number) => `${v}y`} />
        <YAxis tickFormatter={(v: number) => compact.format(v)} width={56} />
        <Tooltip
          labelFormatter={(v) => `Year ${String(v)}`}
          formatter={(v) => (typeof v === 'number' ? v.toLocaleString('en-US') : String(v))}
        />
        <Legend />
        {paths.map((name, i) => (
          <Line
            key={name}
            dataKey={name}
            name={name}
            type="stepAfter"
            stroke={COLOURS[i % COLOURS.length]}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
