import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const palette = ['#1f5f8b', '#8a4b08', '#1e6b3a', '#7a3e9d', '#a12622', '#4f5862'];

/** Per strategy, the p10–p90 band and the median line over the years. Loaded lazily with the chart library. */
export default function Fan({
  data,
  strategies,
}: {
  data: Record<string, number | number[]>[];
  strategies: string[];
}) {
  return (
    <ResponsiveContainer width="100%" height={360}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="year" tick={{ fontSize: 11 }} />
        <YAxis tickFormatter={(v: number) => compact.format(v)} width={56} />
        <Tooltip
          formatter={(v) =>
            Array.isArray(v)
              ? v.map((x: number) => compact.format(x)).join('–')
              : typeof v === 'number'
                ? compact.format(v)
                : String(v)
          }
        />
        <Legend />
        {strategies.map((s, i) => (
          <Area
            key={`${s}-band`}
            dataKey={`${s}:band`}
            name={`${s} p10–p90`}
            stroke="none"
            fill={palette[i % palette.length]}
            fillOpacity={0.18}
            isAnimationActive={false}
            legendType="none"
          />
        ))}
        {strategies.map((s, i) => (
          <Line
            key={`${s}-p50`}
            dataKey={`${s}:p50`}
            name={`${s} (median)`}
            stroke={palette[i % palette.length]}
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
