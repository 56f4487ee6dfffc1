// recharts lives only in this lazily loaded module (as in analytics/charts):
// the console's other screens and the portal never download it. The drawing
// is hidden from assistive technology; the report's table and sentences carry
// every number.
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface ArmBar {
  name: string;
  value: number;
  /** [below, above] the bar's top: the 95 % interval's reach (treatment only). */
  err?: [number, number];
  treatment: boolean;
}

const tick = { fill: 'var(--color-text-muted)', fontSize: 12 };

/** Round ticks from 0 past `top`, about five of them: 33 → 0, 10, 20, 30, 40; 0.59 → 0, 0.2, 0.4, 0.6. */
export function niceTicks(top: number, bottom = 0): number[] {
  const span = Math.max(top - bottom, Number.EPSILON);
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(bottom / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < top + step - step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** The decimals a tick step needs to be written exactly: 10 → 0, 0.5 → 1, 0.25 → 2. */
export function stepDecimals(step: number): number {
  for (let digits = 0; digits < 6; digits++) {
    const scaled = step * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 6;
}

/** `format(value, decimals)`: decimals are what the ticks' step needs, so small sums do not all read "$0". */
export function ArmsChart({ data, height, format, control }: { data: ArmBar[]; height: number; format: (v: number, decimals: number) => string; control: number }) {
  const top = Math.max(...data.map((d) => d.value + (d.err?.[1] ?? 0)), 0);
  const bottom = Math.min(0, ...data.map((d) => d.value - (d.err?.[0] ?? 0)));
  const ticks = niceTicks(top > 0 ? top : 1, bottom);
  const decimals = ticks.length > 1 ? stepDecimals(ticks[1] - ticks[0]) : 0;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <BarChart data={data} margin={{ top: 12, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false} barCategoryGap="28%">
        <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
        <XAxis dataKey="name" tick={tick} />
        <YAxis tick={tick} width={64} tickFormatter={(v: number) => format(v, decimals)} domain={[ticks[0], ticks[ticks.length - 1]]} ticks={ticks} allowDataOverflow />
        <ReferenceLine y={control} stroke="var(--color-text-muted)" strokeDasharray="4 4" ifOverflow="extendDomain" />
        <Bar dataKey="value" isAnimationActive={false} radius={[6, 6, 0, 0]}>
          {data.map((d) => (
            <Cell key={d.name} fill={d.treatment ? 'var(--color-primary)' : 'var(--color-chart-control, #9aa1b5)'} />
          ))}
          <ErrorBar dataKey="err" width={14} strokeWidth={2.5} stroke="var(--color-text)" direction="y" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
