import { useState } from 'react';
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Text,
  Tooltip,
} from 'recharts';

export interface RadarSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
}

const HEIGHT = 400;
const FONT = 11;
const LINES = 3;
/** Room kept below the drawing for the legend, and above and below for labels of up to `LINES` lines. */
const LEGEND = 56;
const LABEL_HEIGHT = LINES * FONT * 1.2 + 10;

/**
 * The radius and label width for a chart this wide: labels get a column of their own on each side
 * (narrower on a phone, where they wrap onto more lines) and the web takes what is left, so no label
 * reaches past the chart's edge.
 */
export function radarLayout(width: number): { radius: number; labelWidth: number } {
  const labelWidth = width < 480 ? 72 : 120;
  const radius = Math.max(40, Math.min(width / 2 - labelWidth - 14, (HEIGHT - LEGEND) / 2 - LABEL_HEIGHT));
  return { radius, labelWidth };
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
  const [width, setWidth] = useState(0);
  const { radius, labelWidth } = radarLayout(width);
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} onResize={(w) => setWidth(w)}>
      <RadarChart data={data} outerRadius={radius}>
        <PolarGrid />
        <PolarAngleAxis
          dataKey="axis"
          tick={({ x, y, textAnchor, payload }) => {
            // Labels at the top grow upwards, those at the bottom downwards, the others from their middle.
            const up = Math.sin(((payload.coordinate as number) * Math.PI) / 180);
            return (
              <Text
                x={x}
                y={y}
                width={labelWidth}
                maxLines={LINES}
                textAnchor={textAnchor}
                verticalAnchor={up > 0.8 ? 'end' : up < -0.8 ? 'start' : 'middle'}
                fontSize={FONT}
                fill="#4f5862"
              >
                {String(payload.value)}
              </Text>
            );
          }}
        />
        <PolarRadiusAxis
          domain={[0, max]}
          tickCount={max + 1}
          angle={90}
          tick={{ fontSize: 10, fill: '#4f5862' }}
        />
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
