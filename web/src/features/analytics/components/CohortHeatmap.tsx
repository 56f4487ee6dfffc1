import { formatPercent } from '@/lib/format';
import type { HeatCell } from '../normalize';

// Capped so the text colour keeps AA contrast on the strongest cell, in light and dark mode.
const MAX_MIX_PERCENT = 45;

/** A table coloured by value: readable by screen readers, no chart library needed. */
export function CohortHeatmap({ cells }: { cells: HeatCell[] }) {
  const cohorts = [...new Set(cells.map((c) => c.cohort))].sort();
  const periods = [...new Set(cells.map((c) => c.period))].sort((a, b) => a - b);
  const at = new Map(cells.map((c) => [`${c.cohort}|${c.period}`, c.value]));
  const max = Math.max(1e-9, ...cells.map((c) => c.value));
  return (
    <div className="table-wrap">
      <table className="table heatmap">
        <caption className="visually-hidden">Retention by cohort and period</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            {periods.map((p) => (
              <th scope="col" key={p} className="num">
                +{p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort}>
              <th scope="row">{cohort}</th>
              {periods.map((p) => {
                const v = at.get(`${cohort}|${p}`);
                const ratio = v === undefined ? 0 : v / max;
                return (
                  <td key={p} className="num heatmap__cell" style={{ background: v === undefined ? undefined : `color-mix(in srgb, var(--color-primary) ${Math.round(ratio * MAX_MIX_PERCENT)}%, var(--color-surface))` }}>
                    {v === undefined ? '' : v <= 1 ? formatPercent(v) : v.toFixed(0)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
