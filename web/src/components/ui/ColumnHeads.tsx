import type { ReactNode } from 'react';

export interface ColumnHead {
  header: ReactNode;
  /** Numbers align right, heading included. */
  numeric?: boolean;
}

/** A table's <thead>: one column heading per column. */
export function ColumnHeads({ columns }: { columns: ColumnHead[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
