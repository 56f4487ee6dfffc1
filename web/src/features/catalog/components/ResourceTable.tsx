import { Button, ColumnHeads } from '@/components/ui';
import { formatMoney } from '@/lib/format';
import { moneyCurrency } from '../form-values';
import { itemId } from '../resources';
import type { ColumnDef, FieldDef, Item, ResourceConfig } from '../types';

const MAX_DERIVED_COLUMNS = 5;

function columnsFor(config: ResourceConfig, items: Item[]): ColumnDef[] {
  if (config.columns) return config.columns;
  const keys = Object.keys(items[0] ?? {}).filter((k) => k !== 'id' && typeof items[0][k] !== 'object');
  return keys.slice(0, MAX_DERIVED_COLUMNS).map((key) => ({ key, label: key.replace(/_/g, ' ') }));
}

/** An item's money field as money: in the currency the schema fixes for it, or the item's own; blank until the schema is read. */
function amountOf(item: Item, key: string, fields: FieldDef[]): string {
  const value = item[key];
  const field = fields.find((f) => f.name === key);
  if (typeof value !== 'number') return '—';
  if (!field) return '';
  return formatMoney(value, moneyCurrency(field, item.currency));
}

function cell(item: Item, column: ColumnDef, fields: FieldDef[]): string {
  if (column.render) return column.render(item, (key) => amountOf(item, key, fields));
  if (column.money) return amountOf(item, column.key, fields);
  const v = item[column.key];
  return v === undefined || v === null ? '—' : String(v);
}

// The first column names the item (a product, a rule): it keeps room to read, and the table scrolls instead.
function cellClass(column: ColumnDef, index: number): string | undefined {
  if (column.code) return 'table__code';
  if (column.oneLine) return 'table__nowrap';
  return column.lead || index === 0 ? 'table__lead' : undefined;
}

interface ResourceTableProps {
  config: ResourceConfig;
  items: Item[];
  /** The resource's fields from the catalog schema: which currency each money field is in. */
  fields: FieldDef[];
  onEdit: (item: Item) => void;
  onArchive: (item: Item) => void;
}

export function ResourceTable({ config, items, fields, onEdit, onArchive }: ResourceTableProps) {
  const columns = columnsFor(config, items);
  const rows = config.order ? [...items].sort(config.order) : items;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{config.title}</caption>
        <ColumnHeads columns={[...columns.map((c) => ({ header: c.label })), { header: <span className="visually-hidden">Actions</span> }]} />
        <tbody>
          {rows.map((item) => (
            <tr key={itemId(item)}>
              {columns.map((c, index) => (
                <td key={c.key} className={cellClass(c, index)}>
                  {cell(item, c, fields)}
                </td>
              ))}
              <td className="table__actions">
                <Button variant="ghost" size="sm" onClick={() => onEdit(item)} aria-label={`Edit ${cell(item, columns[0] ?? { key: 'id', label: '' }, fields)}`}>
                  Edit
                </Button>
                <Button variant="ghost" size="sm" onClick={() => onArchive(item)} aria-label={`Archive ${cell(item, columns[0] ?? { key: 'id', label: '' }, fields)}`}>
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
