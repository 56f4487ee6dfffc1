import { formatMoney, formatPoints } from '@/lib/format';
import type { Item, ResourceConfig, ResourceKey } from './types';

const money = (item: Item) =>
  typeof item.price_minor === 'number' && typeof item.currency === 'string' ? formatMoney(item.price_minor, item.currency) : '';

const RULE_KINDS = [
  { value: 'base_rate', label: 'Base rate' },
  { value: 'category_multiplier', label: 'Category multiplier' },
  { value: 'sku_multiplier', label: 'SKU multiplier' },
  { value: 'category_bonus', label: 'Category bonus' },
  { value: 'sku_bonus', label: 'SKU bonus' },
  { value: 'spend_threshold_bonus', label: 'Spend threshold bonus' },
];

const permille = (item: Item) => (typeof item.multiplier_permille === 'number' ? `${item.multiplier_permille / 1000}×` : '—');

function ruleEffect(item: Item): string {
  if (typeof item.rate_milli === 'number' && item.kind === 'base_rate') return `${item.rate_milli / 1000} pt per unit`;
  if (typeof item.bonus_points === 'number' && String(item.kind).endsWith('bonus')) return `+${formatPoints(item.bonus_points)} pts`;
  if (typeof item.multiplier_permille === 'number') return permille(item);
  return '—';
}

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
      { name: 'description', label: 'Description', type: 'textarea', hint: 'What the customer gets, shown on the reward card.' },
      { name: 'terms', label: 'Terms', type: 'textarea', hint: 'The fine print: limits, where it can be used, validity.' },
      { name: 'points_cost', label: 'Points cost', type: 'integer', required: true },
      { name: 'stock', label: 'Stock', type: 'integer', hint: 'Leave empty for unlimited.' },
      { name: 'per_customer_limit', label: 'Limit per customer', type: 'integer', hint: 'Leave empty for no limit.' },
      { name: 'active_from', label: 'Active from', type: 'datetime' },
      { name: 'active_to', label: 'Active until', type: 'datetime' },
      { name: 'voucher_valid_days', label: 'Voucher valid for (days)', type: 'integer', hint: 'How long a redeemed voucher can be used: 1 to 3650 days. Leave empty for 90.' },
    ],
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'points_cost', label: 'Cost', render: (i) => (typeof i.points_cost === 'number' ? `${formatPoints(i.points_cost)} pts` : '') },
      { key: 'stock', label: 'Stock', render: (i) => (i.stock == null ? '∞' : String(i.stock)) },
      { key: 'per_customer_limit', label: 'Per customer', render: (i) => (i.per_customer_limit == null ? '—' : String(i.per_customer_limit)) },
      { key: 'voucher_valid_days', label: 'Voucher valid', render: (i) => (typeof i.voucher_valid_days === 'number' ? `${i.voucher_valid_days} day${i.voucher_valid_days === 1 ? '' : 's'}` : '—') },
    ],
  },
  'earning-rules': {
    key: 'earning-rules',
    title: 'Earning rules',
    singular: 'earning rule',
    path: '/admin/earning-rules',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'kind', label: 'Kind', type: 'select', required: true, options: RULE_KINDS },
      { name: 'target', label: 'Target', type: 'text', hint: 'The category or SKU the rule applies to (multiplier and bonus kinds).' },
      { name: 'rate_milli', label: 'Points per currency unit × 1000', type: 'integer', hint: 'Base rate: 1000 = 1 point per dollar or euro.' },
      { name: 'multiplier_permille', label: 'Multiplier', type: 'permille', hint: 'For example 2 for double points.' },
      { name: 'bonus_points', label: 'Bonus points', type: 'integer' },
      { name: 'threshold_minor', label: 'Spend threshold (minor units)', type: 'integer', hint: 'Spend threshold bonus: 7500 = 75.00.' },
      { name: 'starts_at', label: 'Starts', type: 'datetime' },
      { name: 'ends_at', label: 'Ends', type: 'datetime' },
      { name: 'store_ids', label: 'Store ids', type: 'text', hint: 'Comma separated; empty for every store.' },
    ],
    columns: [
      { key: 'name', label: 'Name' },
      { key: 'kind', label: 'Kind', render: (i) => RULE_KINDS.find((k) => k.value === i.kind)?.label ?? String(i.kind ?? '') },
      { key: 'target', label: 'Target', render: (i) => (i.target ? String(i.target) : '—') },
      { key: 'effect', label: 'Effect', render: ruleEffect },
    ],
  },
  tiers: {
    key: 'tiers',
    title: 'Tiers',
    singular: 'tier',
    path: '/admin/tiers',
    fields: [
      { name: 'code', label: 'Code', type: 'text', required: true },
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'threshold_minor', label: 'Qualifying spend threshold (minor units)', type: 'integer', required: true, hint: '50000 = 500.00 in the program currency.' },
      { name: 'multiplier_permille', label: 'Points multiplier', type: 'permille', hint: 'For example 1.25.' },
    ],
    columns: [
      { key: 'code', label: 'Code' },
      { key: 'name', label: 'Name' },
      { key: 'threshold_minor', label: 'Threshold (minor)', render: (i) => (typeof i.threshold_minor === 'number' ? formatPoints(i.threshold_minor) : '—') },
      { key: 'multiplier_permille', label: 'Multiplier', render: permille },
    ],
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
