export { LedgerList } from './LedgerList';
export { ledgerKind } from './ledger-kinds';
export { TransactionList } from './TransactionList';
export { isOpaqueId } from './LedgerList';
export { OfferDetails } from './OfferDetails';
export { offerExpiry, offerStatus, offerSummary } from './offer-text';
