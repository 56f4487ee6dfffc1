import { lazy } from 'react';
import type { Section } from '../section';

// The staff console's pages are their own chunks: customers never download them.
const CustomersPage = lazy(() => import('./CustomersPage').then((m) => ({ default: m.CustomersPage })));
const PosPage = lazy(() => import('./PosPage').then((m) => ({ default: m.PosPage })));
const CatalogPage = lazy(() => import('./CatalogPage').then((m) => ({ default: m.CatalogPage })));
const CampaignsPage = lazy(() => import('./CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CurrenciesPage = lazy(() => import('./CurrenciesPage').then((m) => ({ default: m.CurrenciesPage })));
const AnalyticsPage = lazy(() => import('./AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));

/**
 * The console's sections in the order of its navigation. `needsAnalytics`: linked only once the server says it has
 * the dashboards (the route is there either way).
 */
export const CONSOLE_SECTIONS: (Section & { needsAnalytics?: boolean })[] = [
  { path: '', label: 'Customers', icon: 'search', page: CustomersPage },
  { path: 'pos', label: 'Point of sale', icon: 'cart', page: PosPage },
  { path: 'catalog', param: 'resource', label: 'Catalog', icon: 'box', page: CatalogPage },
  { path: 'campaigns', label: 'Campaigns', icon: 'megaphone', page: CampaignsPage },
  { path: 'currencies', label: 'Currencies', icon: 'exchange', page: CurrenciesPage },
  { path: 'analytics', label: 'Analytics', icon: 'chart', page: AnalyticsPage, needsAnalytics: true },
];
