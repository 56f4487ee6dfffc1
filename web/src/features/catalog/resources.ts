import { formatMoney, formatPoints } from '@/lib/format';
import type { Item, ResourceConfig, ResourceKey } from './types';

const money = (item: Item) =>
  typeof item.price_minor === 'number' && typeof item.currency === 'string' ? formatMoney(item.price_minor, item.currency) : '';

export const RESOURCES: Record<ResourceKey, ResourceConfig> = {
  products: {
    key: 'products',
    title: 'Products',
    singular: 'product',
    path: '/admin/products',
    fields: [
      { name: 'sku', label: 'SKU', type: 'text', required: true },
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'category', label: 'Category', type: 'text', required: true },
      { name: 'brand', label: 'Brand', type: 'text' },
      { name: 'currency', label: 'Currency', type: 'text', required: true, hint: 'ISO 4217 code, for example EUR.' },
      { name: 'price_minor', label: 'Price', type: 'money', required: true },
    ],
    columns: [
      { key: 'sku', label: 'SKU' },
      { key: 'name', label: 'Name' },
      { key: 'category', label: 'Category' },
      { key: 'brand', label: 'Brand' },
      { key: 'price_minor', label: 'Price', render: money },
    ],
  },
  rewards: {
    key: 'rewards',
    title: 'Rewards',
    singular: 'reward',
    path: '/admin/rewards',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'description', label: 'Description', type: 'textarea' },
      { name: 'points_cost', label: 'Points cost', type: 'integer', required: true },
      { name: 'stock', label: 'Stock', type: 'integer', hint: 'Leave empty for unlimited.' },
      { name: 'per_customer_limit', label: 'Limit per customer', type: 'integer', hint: 'Leave empty for no limit.' },
      { name: 'active_from', label: 'Active from', type: 'datetime' },
      { name: 'active_to', label: 'Active until', type: 'datetime' },
    ],
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'points_cost', label: 'Cost', render: (i) => (typeof i.points_cost === 'number' ? `${formatPoints(i.points_cost)} pts` : '') },
      { key: 'stock', label: 'Stock', render: (i) => (i.stock == null ? '∞' : String(i.stock)) },
      { key: 'per_customer_limit', label: 'Per customer', render: (i) => (i.per_customer_limit == null ? '—' : String(i.per_customer_limit)) },
    ],
  },
  'earning-rules': {
    key: 'earning-rules',
    title: 'Earning rules',
    singular: 'earning rule',
    path: '/admin/earning-rules',
    template: { name: 'Base earning', kind: 'per_currency_unit', points_per_unit: 1 },
  },
  tiers: {
    key: 'tiers',
    title: 'Tiers',
    singular: 'tier',
    path: '/admin/tiers',
    template: { code: 'gold', name: 'Gold', multiplier: 1.5, threshold_minor: 100000 },
  },
  stores: {
    key: 'stores',
    title: 'Stores',
    singular: 'store',
    path: '/admin/stores',
    fields: [
      { name: 'code', label: 'Code', type: 'text', required: true },
      { name: 'name', label: 'Name', type: 'text', required: true },
    ],
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'name', label: 'Name' },
      { key: 'id', label: 'Id' },
    ],
  },
};

export const RESOURCE_KEYS = Object.keys(RESOURCES) as ResourceKey[];

export const isResourceKey = (value: string | undefined): value is ResourceKey => !!value && value in RESOURCES;

/** The id to address an object by in /admin/{resource}/{id}. */
export function itemId(item: Item): string {
  const id = item.id ?? item.sku ?? item.code;
  return id === undefined || id === null ? '' : String(id);
}
