import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from 'recharts';

export interface RadarSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
}

/** You against levels, one axis per competency. Loaded lazily with the chart library. */
export default function RadarView({
  data,
  series,
  max,
}: {
  data: Record<string, string | number | null>[];
  series: RadarSeries[];
  max: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={380}>
      <RadarChart data={data} outerRadius="70%">
        <PolarGrid />
        <PolarAngleAxis dataKey="axis" tick={{ fontSize: 11 }} />
        <PolarRadiusAxis domain={[0, max]} tickCount={max + 1} angle={90} tick={{ fontSize: 10 }} />
        {series.map((s) => (
          <Radar
            key={s.key}
            name={s.name}
            dataKey={s.key}
            stroke={s.colour}
            fill={s.colour}
            fillOpacity={s.key === 'you' ? 0.25 : 0}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '5 4' : undefined}
            isAnimationActive={false}
          />
        ))}
        <Legend />
        <Tooltip />
      </RadarChart>
    </ResponsiveContainer>
  );
}
