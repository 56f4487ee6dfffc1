import { Button, ColumnHeads } from '@/components/ui';
import { itemId } from '../resources';
import type { ColumnDef, Item, ResourceConfig } from '../types';

const MAX_DERIVED_COLUMNS = 5;

function columnsFor(config: ResourceConfig, items: Item[]): ColumnDef[] {
  if (config.columns) return config.columns;
  const keys = Object.keys(items[0] ?? {}).filter((k) => k !== 'id' && typeof items[0][k] !== 'object');
  return keys.slice(0, MAX_DERIVED_COLUMNS).map((key) => ({ key, label: key.replace(/_/g, ' ') }));
}

function cell(item: Item, column: ColumnDef): string {
  if (column.render) return column.render(item);
  const v = item[column.key];
  return v === undefined || v === null ? '—' : String(v);
}

interface ResourceTableProps {
  config: ResourceConfig;
  items: Item[];
  onEdit: (item: Item) => void;
  onArchive: (item: Item) => void;
}

export function ResourceTable({ config, items, onEdit, onArchive }: ResourceTableProps) {
  const columns = columnsFor(config, items);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{config.title}</caption>
        <ColumnHeads columns={[...columns.map((c) => ({ header: c.label })), { header: <span className="visually-hidden">Actions</span> }]} />
        <tbody>
          {items.map((item) => (
            <tr key={itemId(item)}>
              {columns.map((c) => (
                <td key={c.key} className={c.code ? 'table__code' : undefined}>
                  {cell(item, c)}
                </td>
              ))}
              <td className="table__actions">
                <Button variant="ghost" size="sm" onClick={() => onEdit(item)} aria-label={`Edit ${cell(item, columns[0] ?? { key: 'id', label: '' })}`}>
                  Edit
                </Button>
                <Button variant="ghost" size="sm" onClick={() => onArchive(item)} aria-label={`Archive ${cell(item, columns[0] ?? { key: 'id', label: '' })}`}>
                  Archive
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
