import { formatPoints } from '@/lib/format';
import type { ColumnDef, Item, ResourceConfig, ResourceKey } from './types';

/** Words for an earning rule's kind in the list; the form's choices come from the server's schema. */
const RULE_KINDS: Record<string, string> = {
  base_rate: 'Base rate',
  category_multiplier: 'Category multiplier',
  sku_multiplier: 'SKU multiplier',
  category_bonus: 'Category bonus',
  sku_bonus: 'SKU bonus',
  spend_threshold_bonus: 'Spend threshold bonus',
};

const permille = (item: Item) => (typeof item.multiplier_permille === 'number' ? `${item.multiplier_permille / 1000}×` : '—');

function ruleEffect(item: Item, amount: (key: string) => string): string {
  if (typeof item.rate_milli === 'number' && item.kind === 'base_rate') return `${item.rate_milli / 1000} pt per unit`;
  if (typeof item.bonus_points === 'number' && item.kind === 'spend_threshold_bonus' && typeof item.threshold_minor === 'number') {
    return `+${formatPoints(item.bonus_points)} pts from ${amount('threshold_minor')}`;
  }
  if (typeof item.bonus_points === 'number' && String(item.kind).endsWith('bonus')) return `+${formatPoints(item.bonus_points)} pts`;
  if (typeof item.multiplier_permille === 'number') return permille(item);
  return '—';
}

/** A catalog resource, addressed at /admin/{key}. */
function resource(key: ResourceKey, title: string, singular: string, columns: ColumnDef[], more: Partial<ResourceConfig> = {}): ResourceConfig {
  return { key, title, singular, path: `/admin/${key}`, columns, ...more };
}

const spendOf = (item: Item) => (typeof item.threshold_minor === 'number' ? item.threshold_minor : 0);

export const RESOURCES: Record<ResourceKey, ResourceConfig> = {
  products: resource('products', 'Products', 'product', [
    { key: 'sku', label: 'SKU', code: true },
    { key: 'name', label: 'Name', lead: true },
    { key: 'category', label: 'Category' },
    { key: 'brand', label: 'Brand' },
    { key: 'price_minor', label: 'Price', money: true },
  ], { archiveNote: 'It can no longer be sold or bought; past purchases keep it.' }),
  rewards: resource('rewards', 'Rewards', 'reward', [
    { key: 'name', label: 'Name' },
    { key: 'points_cost', label: 'Cost', render: (i) => (typeof i.points_cost === 'number' ? `${formatPoints(i.points_cost)} pts` : ''), oneLine: true },
    { key: 'stock', label: 'Stock', render: (i) => (i.stock == null ? '∞' : String(i.stock)) },
    { key: 'per_customer_limit', label: 'Per customer', render: (i) => (i.per_customer_limit == null ? '—' : String(i.per_customer_limit)) },
    { key: 'voucher_valid_days', label: 'Voucher valid', render: (i) => (typeof i.voucher_valid_days === 'number' ? `${i.voucher_valid_days} day${i.voucher_valid_days === 1 ? '' : 's'}` : '—'), oneLine: true },
  ], { archiveNote: 'Members can no longer redeem it; past redemptions are kept.' }),
  'earning-rules': resource('earning-rules', 'Earning rules', 'earning rule', [
    { key: 'name', label: 'Name' },
    { key: 'kind', label: 'Kind', render: (i) => RULE_KINDS[String(i.kind)] ?? String(i.kind ?? ''), oneLine: true },
    { key: 'target', label: 'Target', render: (i) => (i.target ? String(i.target) : '—'), code: true },
    { key: 'effect', label: 'Effect', render: ruleEffect, oneLine: true },
  ], { archiveNote: 'Purchases from now on no longer earn it; points already earned stay.' }),
  tiers: resource('tiers', 'Tiers', 'tier', [
    { key: 'code', label: 'Code', code: true },
    { key: 'name', label: 'Name' },
    { key: 'threshold_minor', label: 'Qualifying spend', money: true },
    { key: 'multiplier_permille', label: 'Multiplier', render: permille },
  ], { order: (a, b) => spendOf(a) - spendOf(b), archiveNote: 'It is no longer part of the program; history that names it is kept.' }),
  // A store's id is for the point-of-sale API: its edit dialog copies it, the list does not show it.
  stores: resource('stores', 'Stores', 'store', [
    { key: 'code', label: 'Code', code: true },
    { key: 'name', label: 'Name', lead: true },
  ], { archiveNote: 'It no longer appears at the point of sale; past purchases keep its name.' }),
};

export const RESOURCE_KEYS = Object.keys(RESOURCES) as ResourceKey[];

export const isResourceKey = (value: string | undefined): value is ResourceKey => !!value && value in RESOURCES;

/** The id to address an object by in /admin/{resource}/{id}. */
export function itemId(item: Item): string {
  const id = item.id ?? item.sku ?? item.code;
  return id === undefined || id === null ? '' : String(id);
}
