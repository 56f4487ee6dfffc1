export { LedgerList } from './LedgerList';
export { ledgerKind } from './ledger-kinds';
export { TransactionList } from './TransactionList';
export { isOpaqueId } from './LedgerList';
