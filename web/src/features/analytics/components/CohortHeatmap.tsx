import { formatPercent, formatPoints } from '@/lib/format';
import { monthLabel, type CohortRowView } from '../normalize';

// Capped so the text colour keeps AA contrast on the strongest cell, in light and dark mode.
const MAX_MIX_PERCENT = 45;

/**
 * Retention by first-purchase month (rows) and months since (columns): a
 * table coloured by value, so screen readers read the same numbers.
 */
export function CohortHeatmap({ rows }: { rows: CohortRowView[] }) {
  const periods = Math.max(0, ...rows.map((r) => r.retention.length));
  const showSize = rows.some((r) => r.customers !== null);
  return (
    <div className="table-wrap heatmap-wrap" tabIndex={0} role="region" aria-label="Cohort retention table (scrolls sideways)">
      <table className="table heatmap">
        <caption className="visually-hidden">Share of each first-purchase month's customers who bought again 0, 1, 2 … months later</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            {showSize && (
              <th scope="col" className="num">
                Customers
              </th>
            )}
            {Array.from({ length: periods }, (_, p) => (
              <th scope="col" key={p} className="num">
                <span aria-hidden="true">+{p}</span>
                <span className="visually-hidden">{p === 0 ? 'first month' : `${p} ${p === 1 ? 'month' : 'months'} later`}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.cohort}>
              <th scope="row">{monthLabel(row.cohort)}</th>
              {showSize && <td className="num">{row.customers === null ? '' : formatPoints(row.customers)}</td>}
              {Array.from({ length: periods }, (_, p) => {
                const v = row.retention[p];
                const known = v !== null && v !== undefined;
                const ratio = known ? Math.max(0, Math.min(1, v)) : 0;
                return (
                  <td
                    key={p}
                    className="num heatmap__cell"
                    style={known ? { background: `color-mix(in srgb, var(--color-primary) ${Math.round(ratio * MAX_MIX_PERCENT)}%, var(--color-surface))` } : undefined}
                  >
                    {known ? formatPercent(v) : ''}
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
