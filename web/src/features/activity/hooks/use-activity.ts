import { useQuery } from '@tanstack/react-query';
import { fetchPage, useCursorList } from '@/lib/use-cursor-list';
import { LEDGER_PATH, REDEMPTIONS_PATH, TRANSACTIONS_PATH, ledgerQueryKey, redemptionNamesQueryKey, transactionsQueryKey } from '../api/activity';
import type { Schema } from '@/api/contract';
import type { LedgerEntry, Transaction } from '@/types/loyalty';

export const useTransactions = () => useCursorList<Transaction>(transactionsQueryKey, TRANSACTIONS_PATH);
export const useLedger = () => useCursorList<LedgerEntry>(ledgerQueryKey, LEDGER_PATH);

export function useRecentLedger(limit = 5) {
  return useQuery({ queryKey: [...ledgerQueryKey, 'recent', limit], queryFn: () => fetchPage<LedgerEntry>(LEDGER_PATH, { limit }) });
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();
/** How many of the latest redemptions are read for their names: one page, the API's largest. */
const NAMED_REDEMPTIONS = 200;

/**
 * A redemption's id → its reward's name (the latest NAMED_REDEMPTIONS), so a
 * ledger row can say "Fresh croissant" rather than just "Reward". While it
 * loads or when it fails (an empty map), rows say "Reward redeemed".
 */
export function useRewardNames(): ReadonlyMap<string, string> {
  const q = useQuery({
    queryKey: redemptionNamesQueryKey,
    queryFn: () => fetchPage<Schema<'Redemption'>>(REDEMPTIONS_PATH, { limit: NAMED_REDEMPTIONS }),
    select: (page) => new Map(page.items.map((r) => [r.id, r.reward_name] as const)),
  });
  return q.data ?? NO_NAMES;
}
