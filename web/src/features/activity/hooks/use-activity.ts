import { useQuery } from '@tanstack/react-query';
import { fetchPage, useCursorList } from '@/lib/use-cursor-list';
import { LEDGER_PATH, TRANSACTIONS_PATH, ledgerQueryKey, transactionsQueryKey } from '../api/activity';
import type { LedgerEntry, Transaction } from '@/types/loyalty';

export const useTransactions = () => useCursorList<Transaction>(transactionsQueryKey, TRANSACTIONS_PATH);
export const useLedger = () => useCursorList<LedgerEntry>(ledgerQueryKey, LEDGER_PATH);

export function useRecentLedger(limit = 5) {
  return useQuery({ queryKey: [...ledgerQueryKey, 'recent', limit], queryFn: () => fetchPage<LedgerEntry>(LEDGER_PATH, { limit }) });
}
