// The analytics answers are not fixed in api.md yet; these readers accept the
// likely shapes (lists of rows, or maps) and return what the charts draw.

export interface Bar {
  name: string;
  value: number;
}

export interface HeatCell {
  cohort: string;
  period: number;
  value: number;
}

type Row = Record<string, unknown>;

function rows(raw: unknown, ...keys: string[]): Row[] {
  if (Array.isArray(raw)) return raw as Row[];
  const o = (raw ?? {}) as Row;
  for (const k of ['items', ...keys]) if (Array.isArray(o[k])) return o[k] as Row[];
  return [];
}

const num = (row: Row, ...keys: string[]) => {
  for (const k of keys) if (typeof row[k] === 'number') return row[k] as number;
  return null;
};
const str = (row: Row, ...keys: string[]) => {
  for (const k of keys) if (row[k] !== undefined && row[k] !== null) return String(row[k]);
  return null;
};

export function segmentBars(raw: unknown): Bar[] {
  const list = rows(raw, 'segments');
  if (list.length === 0 && raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = (raw as Row).segments ?? raw;
    return Object.entries(o as Row)
      .filter(([, v]) => typeof v === 'number')
      .map(([name, v]) => ({ name, value: v as number }));
  }
  return list
    .map((r) => ({ name: str(r, 'segment', 'name', 'label') ?? '?', value: num(r, 'customers', 'count', 'size') ?? 0 }))
    .filter((b) => b.value >= 0);
}

/** A histogram of CLV values (bins of equal width), or the answer's own buckets. */
export function clvHistogram(raw: unknown, bins = 10): Bar[] {
  const buckets = rows(raw, 'histogram', 'buckets', 'distribution');
  if (buckets.length && num(buckets[0], 'count') !== null && str(buckets[0], 'bucket', 'label', 'from') !== null) {
    return buckets.map((b) => ({ name: str(b, 'bucket', 'label', 'from') ?? '', value: num(b, 'count') ?? 0 }));
  }
  const values = rows(raw, 'customers')
    .map((r) => num(r, 'clv', 'value', 'clv_minor', 'expected_value'))
    .filter((v): v is number => v !== null);
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1;
  return counts.map((value, i) => ({ name: (min + i * width).toFixed(0), value }));
}

export function cohortCells(raw: unknown): HeatCell[] {
  const list = rows(raw, 'cohorts');
  const cells: HeatCell[] = [];
  for (const r of list) {
    const cohort = str(r, 'cohort', 'cohort_month', 'month') ?? '?';
    const retention = r.retention ?? r.rates ?? r.values;
    if (Array.isArray(retention)) {
      retention.forEach((v, period) => typeof v === 'number' && cells.push({ cohort, period, value: v }));
      continue;
    }
    const period = num(r, 'period', 'period_index', 'month_offset', 'age');
    const value = num(r, 'retention', 'rate', 'value');
    if (period !== null && value !== null) cells.push({ cohort, period, value });
  }
  return cells;
}
