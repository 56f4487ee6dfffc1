export { LedgerList } from './LedgerList';
export { ledgerKind } from './ledger-kinds';
export { TransactionList } from './TransactionList';
export { isOpaqueId, ledgerReference } from './LedgerList';
export { netPoints, storeLabel, transactionStatus } from './transaction-text';
export { OfferDetails } from './OfferDetails';
export { offerExpiry, offerStatus, offerSummary } from './offer-text';
