import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
/**
 * Each path its own colour and dash, so paths that share years of pay stay apart where one is drawn
 * over the other, and without relying on colour; every colour at 4.5:1 or better on the white card.
 * The first path is drawn widest, so a later one on top leaves it showing at both sides.
 */
export const PATH_STYLES = [
  { colour: '#1f5f8b', dash: undefined, width: 4 },
  { colour: '#a3400b', dash: '8 4', width: 2.5 },
  { colour: '#1e6b3a', dash: '2 3', width: 2.5 },
  { colour: '#6a3d8f', dash: '10 3 2 3', width: 2.5 },
  { colour: '#4f5862', dash: '14 5', width: 2.5 },
] as const;
const styleOf = (i: number) => PATH_STYLES[i % PATH_STYLES.length]!;

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
        <Legend
          content={() => (
            <ul className="chart-legend" aria-label="Paths drawn">
              {paths.map((name, i) => (
                <li key={name}>
                  <svg width="36" height="12" aria-hidden="true">
                    <line
                      x1="0"
                      y1="6"
                      x2="36"
                      y2="6"
                      stroke={styleOf(i).colour}
                      strokeWidth={Math.min(styleOf(i).width, 3)}
                      strokeDasharray={styleOf(i).dash}
                    />
                  </svg>
                  {name}
                </li>
              ))}
            </ul>
          )}
        />
        {paths.map((name, i) => (
          <Line
            key={name}
            dataKey={name}
            name={name}
            type="stepAfter"
            stroke={styleOf(i).colour}
            strokeWidth={styleOf(i).width}
            strokeDasharray={styleOf(i).dash}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
