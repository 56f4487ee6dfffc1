// API shapes shared by several features: purchases and ledger entries, as docs/openapi.yaml documents them
// (generated: src/api/schema.d.ts).
import type { Schema } from '@/api/contract';

export type TransactionLine = Schema<'TransactionLine'>;
export type Transaction = Schema<'Transaction'>;
export type LedgerEntry = Schema<'LedgerEntry'>;
export type LedgerKind = LedgerEntry['kind'];
