import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { SkeletonList } from '@/components/ui';
import { RedirectIfSignedIn, RequireRole, SessionExpiryListener } from './guards';
import { AuthLayout } from './layouts/AuthLayout';
import { PortalLayout } from './layouts/PortalLayout';
import { ForgotPasswordPage } from './routes/auth/ForgotPasswordPage';
import { LoginPage } from './routes/auth/LoginPage';
import { ResetPasswordPage } from './routes/auth/ResetPasswordPage';
import { SignupPage } from './routes/auth/SignupPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { AccountPage } from './routes/portal/AccountPage';
import { ActivityPage } from './routes/portal/ActivityPage';
import { FeedbackPage } from './routes/portal/FeedbackPage';
import { HomePage } from './routes/portal/HomePage';
import { OffersPage } from './routes/portal/OffersPage';
import { PreferencesPage } from './routes/portal/PreferencesPage';
import { RewardsPage } from './routes/portal/RewardsPage';
import { ShopPage } from './routes/portal/ShopPage';
import { ShopCancelPage, ShopSuccessPage } from './routes/portal/ShopResultPages';

// The staff console is its own chunk: customers never download it.
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })));
const CustomersPage = lazy(() => import('./routes/console/CustomersPage').then((m) => ({ default: m.CustomersPage })));
const CustomerPage = lazy(() => import('./routes/console/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const PosPage = lazy(() => import('./routes/console/PosPage').then((m) => ({ default: m.PosPage })));
const CatalogPage = lazy(() => import('./routes/console/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const CurrenciesPage = lazy(() => import('./routes/console/CurrenciesPage').then((m) => ({ default: m.CurrenciesPage })));
const AnalyticsPage = lazy(() => import('./routes/console/AnalyticsPage').then((m) => ({ default: m.AnalyticsPage })));
const CampaignsPage = lazy(() => import('./routes/console/CampaignsPage').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./routes/console/CampaignPage').then((m) => ({ default: m.CampaignPage })));

const pageFallback = <SkeletonList rows={4} rowHeight="4rem" />;

function Root() {
  return (
    <>
      <SessionExpiryListener />
      <Outlet />
    </>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      children: [
        {
          element: (
            <RedirectIfSignedIn>
              <AuthLayout />
            </RedirectIfSignedIn>
          ),
          children: [
            { path: 'login', element: <LoginPage /> },
            { path: 'staff/login', element: <LoginPage /> },
            { path: 'signup', element: <SignupPage /> },
            { path: 'forgot-password', element: <ForgotPasswordPage /> },
            { path: 'reset-password', element: <ResetPasswordPage /> },
          ],
        },
        {
          element: (
            <RequireRole roles={['customer']}>
              <PortalLayout />
            </RequireRole>
          ),
          children: [
            { index: true, element: <HomePage /> },
            { path: 'offers', element: <OffersPage /> },
            { path: 'activity', element: <ActivityPage /> },
            { path: 'rewards', element: <RewardsPage /> },
            { path: 'shop', element: <ShopPage /> },
            { path: 'shop/success', element: <ShopSuccessPage /> },
            { path: 'shop/cancel', element: <ShopCancelPage /> },
            { path: 'preferences', element: <PreferencesPage /> },
            { path: 'feedback', element: <FeedbackPage /> },
            { path: 'account', element: <AccountPage /> },
          ],
        },
        {
          path: 'console',
          element: (
            <RequireRole roles={['staff', 'admin']}>
              <Suspense fallback={pageFallback}>
                <ConsoleLayout />
              </Suspense>
            </RequireRole>
          ),
          children: [
            { index: true, element: <CustomersPage /> },
            { path: 'customers/:customerId', element: <CustomerPage /> },
            { path: 'pos', element: <PosPage /> },
            { path: 'catalog/:resource?', element: <CatalogPage /> },
            { path: 'currencies', element: <CurrenciesPage /> },
            { path: 'analytics', element: <AnalyticsPage /> },
            { path: 'campaigns', element: <CampaignsPage /> },
            { path: 'campaigns/:campaignId', element: <CampaignPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
