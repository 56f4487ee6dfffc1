export const transactionsQueryKey = ['me', 'transactions'] as const;
export const ledgerQueryKey = ['me', 'ledger'] as const;
export const TRANSACTIONS_PATH = '/me/transactions';
export const LEDGER_PATH = '/me/ledger';
