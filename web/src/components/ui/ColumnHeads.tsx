import type { ReactNode } from 'react';

export interface ColumnHead {
  header: ReactNode;
  /** Numbers align right, heading included. */
  numeric?: boolean;
}

/**
 * A table's <thead>: one column heading per column. `explicitRoles` for a
 * table whose CSS changes its display (some browsers then drop its table
 * semantics unless the roles are spelled out).
 */
export function ColumnHeads({ columns, explicitRoles = false }: { columns: ColumnHead[]; explicitRoles?: boolean }) {
  return (
    <thead role={explicitRoles ? 'rowgroup' : undefined}>
      <tr role={explicitRoles ? 'row' : undefined}>
        {columns.map((c, i) => (
          <th key={i} scope="col" role={explicitRoles ? 'columnheader' : undefined} className={c.numeric ? 'num' : undefined}>
            {c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
