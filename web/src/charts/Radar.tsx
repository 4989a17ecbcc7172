import { useState } from 'react';
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
import { FONT, LINE, radarLabelLayout } from './radarLabels.js';

export interface RadarSeries {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
}

/** Room kept below the drawing for the legend (on two lines on a phone), and above the labels. */
const legendRoom = (width: number) => (width < 480 ? 64 : 40);
const MARGIN = 8;

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
  const layout = radarLabelLayout(
    width,
    data.map((d) => String(d.axis)),
  );
  // As tall as the web and its labels need, the centre placed so the highest label fits.
  const height = Math.ceil(MARGIN * 2 + layout.bottom - layout.top + legendRoom(width));
  return (
    <ResponsiveContainer width="100%" height={height} onResize={(w) => setWidth(w)}>
      <RadarChart
        data={data}
        outerRadius={layout.radius}
        cy={MARGIN - layout.top}
        margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
      >
        <PolarGrid />
        <PolarAngleAxis
          dataKey="axis"
          tick={(props: { x: number | string; y: number | string; index: number }) => {
            const label = layout.labels[props.index];
            if (!label) return <g />;
            const [x, y] = [Number(props.x), Number(props.y)];
            return (
              <text x={x} y={y + label.dy} textAnchor={label.anchor} fontSize={FONT} fill="#4f5862">
                {label.lines.map((line, i) => (
                  <tspan key={i} x={x} dy={i === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
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
