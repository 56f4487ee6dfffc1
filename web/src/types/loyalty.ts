// API shapes shared by several features (api.md): purchases and ledger entries.
export interface TransactionLine {
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
  returned_quantity?: number;
}

export interface Transaction {
  id: string;
  occurred_at: string;
  store_id: string;
  /** The store's name (the server adds it beside store_id); null when the store is unknown. */
  store_name?: string | null;
  total_minor: number;
  returned_minor?: number;
  currency: string;
  points_earned: number;
  /** Points taken back by returns of this purchase. */
  points_reversed?: number;
  lines: TransactionLine[];
  status: string;
}

export type LedgerKind = 'earn' | 'redeem' | 'expire' | 'reverse' | 'adjust' | 'bonus';

export interface LedgerEntry {
  id: string;
  occurred_at: string;
  kind: LedgerKind | string;
  points: number;
  balance_after: number;
  reference: string | null;
  /** Why (an adjustment's reason as staff typed it); staff only. */
  reason?: string | null;
}
