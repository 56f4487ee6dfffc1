// recharts lives only in this lazily loaded module, so the portal (and the
// console's other screens) never download it. The charts are decoration for
// sighted users: ChartFigure hides them from assistive technology and offers
// the same numbers as a table.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactNode } from 'react';
import type { HoldoutPoint } from '../model-fit';
import { monthLabel, sentimentText } from '../normalize';
import type { Bar as BarDatum, SentimentPoint } from '../types';

export interface BarChartProps {
  data: BarDatum[];
  height: number;
  /** Formats values on the axis and in the tooltip. */
  format?: (value: number) => string;
  /** Bars left to right (a histogram) rather than top to bottom (ranked names). */
  columns?: boolean;
  /** Width of the name axis of horizontal bars, in px. */
  nameWidth?: number;
}

const tick = { fill: 'var(--color-text-muted)', fontSize: 12 };
const tooltipStyle = {
  separator: ': ',
  // Wraps on a phone instead of running out of the chart ("Mean sentiment: +0.23, mostly positive").
  contentStyle: { background: 'var(--color-surface)', border: '1px solid var(--color-border)', borderRadius: 8, color: 'var(--color-text)', whiteSpace: 'normal' as const, maxWidth: '14rem' },
  cursor: { fill: 'var(--color-surface-2)' },
};

export function BarsChart({ data, height, format = String, columns = false, nameWidth = 120 }: BarChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      {columns ? (
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="name" tick={tick} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={tick} width={40} />
          <Tooltip formatter={(v) => format(Number(v))} {...tooltipStyle} />
          <Bar dataKey="value" name="Customers" fill="var(--color-primary)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      ) : (
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={tick} tickFormatter={(v: number) => format(v)} />
          <YAxis type="category" dataKey="name" tick={tick} width={nameWidth} interval={0} />
          <Tooltip formatter={(v) => format(Number(v))} {...tooltipStyle} />
          <Bar dataKey="value" name="Customers" fill="var(--color-primary)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}

/** The frame of a line chart over `data`: the grid, the axes and the tooltip around its lines. */
function LinesFrame<T>({ data, height, xKey, xFormat, yDomain, format, children }: { data: T[]; height: number; xKey: string; xFormat?: (x: string) => string; yDomain?: [number, number]; format?: (value: number) => string; children: ReactNode }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" />
        <XAxis dataKey={xKey} tick={tick} tickFormatter={xFormat && ((x) => xFormat(String(x)))} />
        <YAxis domain={yDomain} tick={tick} width={40} />
        <Tooltip formatter={format && ((v) => format(Number(v)))} labelFormatter={xFormat && ((x) => xFormat(String(x)))} {...tooltipStyle} />
        {children}
      </LineChart>
    </ResponsiveContainer>
  );
}

export function SentimentChart({ points, height }: { points: SentimentPoint[]; height: number }) {
  return (
    <LinesFrame data={points} height={height} xKey="period" xFormat={monthLabel} yDomain={[-1, 1]} format={sentimentText}>
      <Line dataKey="mean" name="Mean sentiment" stroke="var(--color-primary)" strokeWidth={2} dot={false} isAnimationActive={false} />
    </LinesFrame>
  );
}

/** Mean holdout purchases by calibration frequency: actual (bars' colour) and each model (dashed). */
export function HoldoutChart({ points, height }: { points: HoldoutPoint[]; height: number }) {
  return (
    <LinesFrame data={points} height={height} xKey="label" format={(v) => v.toFixed(2)}>
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Line dataKey="actual" name="Actual" stroke="var(--color-primary)" strokeWidth={3} isAnimationActive={false} />
      <Line dataKey="bgnbd" name="BG/NBD" stroke="var(--color-text-muted)" strokeDasharray="6 3" connectNulls isAnimationActive={false} />
      <Line dataKey="mbgnbd" name="MBG/NBD" stroke="var(--color-warning)" strokeDasharray="2 3" connectNulls isAnimationActive={false} />
      <Line dataKey="pareto_nbd" name="Pareto/NBD" stroke="var(--color-accent)" strokeDasharray="8 2 2 2" connectNulls isAnimationActive={false} />
    </LinesFrame>
  );
}
