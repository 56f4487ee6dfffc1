export const transactionsQueryKey = ['me', 'transactions'] as const;
export const ledgerQueryKey = ['me', 'ledger'] as const;
export const TRANSACTIONS_PATH = '/me/transactions';
export const LEDGER_PATH = '/me/ledger';
// The member's redemptions, read here only to name the reward a ledger redemption bought
// (a redeem entry's `reference` is the redemption's id). Under ['me', 'redemptions'], so
// redeeming a reward (which invalidates that key) refreshes the names too.
export const redemptionNamesQueryKey = ['me', 'redemptions', 'names'] as const;
export const REDEMPTIONS_PATH = '/me/redemptions';
