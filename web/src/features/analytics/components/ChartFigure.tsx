import { lazy, Suspense, type ReactNode } from 'react';
import { type ColumnHead, ColumnHeads, Skeleton } from '@/components/ui';
import type { HoldoutPoint } from '../model-fit';
import type { SentimentPoint } from '../types';
import type { BarChartProps } from './charts';

const BarsChart = lazy(() => import('./charts').then((m) => ({ default: m.BarsChart })));
const SentimentChart = lazy(() => import('./charts').then((m) => ({ default: m.SentimentChart })));
const HoldoutChart = lazy(() => import('./charts').then((m) => ({ default: m.HoldoutChart })));

export interface Column<T> extends ColumnHead {
  header: string;
  /** Where the table stacks (`stackOnPhone`), the shorter name written beside each value; else the header. */
  label?: string;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  captionHidden?: boolean;
  /**
   * On a phone, each row becomes a block: its first cell as a title, the other
   * values under it, each with its column's name, instead of columns that
   * scroll out of sight. Still a table to assistive technology (explicit roles).
   */
  stackOnPhone?: boolean;
}

/** A plain table: the accessible alternative to every chart, and the view of lists. */
export function DataTable<T>({ caption, columns, rows, rowKey, captionHidden = true, stackOnPhone = false }: DataTableProps<T>) {
  const role = (name: string) => (stackOnPhone ? name : undefined);
  return (
    // Focusable so keyboard users can scroll it sideways on narrow screens.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className={stackOnPhone ? 'table table--stack' : 'table'} role={role('table')}>
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>{caption}</caption>
        <ColumnHeads columns={columns} explicitRoles={stackOnPhone} />
        <tbody role={role('rowgroup')}>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} role={role('row')}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.header} scope="row" role={role('rowheader')} className={c.numeric ? 'num' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} role={role('cell')} className={c.numeric ? 'num' : undefined}>
                    {stackOnPhone && (
                      <span className="table__cell-label" aria-hidden="true">
                        {c.label ?? c.header}
                      </span>
                    )}
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ChartSpec = ({ kind: 'bars' } & Omit<BarChartProps, 'height'>) | { kind: 'sentiment'; points: SentimentPoint[] } | { kind: 'holdout'; points: HoldoutPoint[] };

/**
 * A chart with a visible caption and its numbers in a disclosure table. The
 * drawing itself is hidden from assistive technology (it has no keyboard
 * layer); the caption summarises it and the table holds every value.
 */
export function ChartFigure<T>({ chart, height, caption, table, showTable = false, testId }: { chart: ChartSpec; height: number; caption: ReactNode; table: DataTableProps<T>; showTable?: boolean; testId?: string }) {
  return (
    <figure className="chart-figure" data-testid={testId}>
      <div className="chart" aria-hidden="true" style={{ height }}>
        <Suspense fallback={<Skeleton height={`${height}px`} />}>
          {chart.kind === 'bars' ? (
            <BarsChart {...(chart as Omit<BarChartProps, 'height'>)} height={height} />
          ) : chart.kind === 'holdout' ? (
            <HoldoutChart points={chart.points} height={height} />
          ) : (
            <SentimentChart points={chart.points} height={height} />
          )}
        </Suspense>
      </div>
      <figcaption className="chart-figure__caption">{caption}</figcaption>
      {showTable ? (
        <DataTable {...table} />
      ) : (
        <details className="chart-figure__data">
          <summary>Show the data as a table</summary>
          <DataTable {...table} />
        </details>
      )}
    </figure>
  );
}

/** Height of horizontal bars for `n` names. */
export const barsHeight = (n: number) => Math.max(120, 32 * n + 40);

