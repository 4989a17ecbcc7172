import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Dark enough for the legend's text, drawn in each colour, to read at 4.5:1 and more on white. */
const SELF = '#08519c';
const MANAGER = '#a63603';

/** One competency's self and manager ratings, cycle by cycle. Loaded lazily with the chart library. */
export default function RatingLines({
  data,
}: {
  data: { cycle: string; self: number | null; manager: number | null }[];
}) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="cycle" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} width={32} domain={['dataMin - 1', 'dataMax + 1']} />
        <Tooltip />
        <Legend />
        <Line dataKey="self" name="Self" stroke={SELF} connectNulls isAnimationActive={false} />
        <Line
          dataKey="manager"
          name="Manager"
          stroke={MANAGER}
          strokeDasharray="5 3"
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
