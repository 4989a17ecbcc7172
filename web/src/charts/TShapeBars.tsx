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
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-25} textAnchor="end" height={70} />
        <YAxis domain={[0, 5]} allowDecimals={false} width={32} />
        <Tooltip />
        <ReferenceLine
          y={depth}
          stroke="#1e6b3a"
          strokeDasharray="5 4"
          label={{ value: 'depth', position: 'insideTopRight', fontSize: 11 }}
        />
        <ReferenceLine
          y={breadth}
          stroke="#8a4b08"
          strokeDasharray="5 4"
          label={{ value: 'breadth', position: 'insideTopRight', fontSize: 11 }}
        />
        <Bar dataKey="skill" name="Skill" fill="#1f5f8b" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
