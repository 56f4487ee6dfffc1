import { createBrowserRouter, Outlet } from 'react-router-dom';
import { RedirectIfSignedIn, RequireRole, SessionExpiryListener } from './guards';
import { AuthLayout } from './layouts/AuthLayout';
import { ConsoleLayout } from './layouts/ConsoleLayout';
import { PortalLayout } from './layouts/PortalLayout';
import { LoginPage } from './routes/auth/LoginPage';
import { SignupPage } from './routes/auth/SignupPage';
import { AnalyticsPage } from './routes/console/AnalyticsPage';
import { CatalogPage } from './routes/console/CatalogPage';
import { CustomerPage } from './routes/console/CustomerPage';
import { CustomersPage } from './routes/console/CustomersPage';
import { PosPage } from './routes/console/PosPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { AccountPage } from './routes/portal/AccountPage';
import { ActivityPage } from './routes/portal/ActivityPage';
import { FeedbackPage } from './routes/portal/FeedbackPage';
import { HomePage } from './routes/portal/HomePage';
import { PreferencesPage } from './routes/portal/PreferencesPage';
import { RewardsPage } from './routes/portal/RewardsPage';

function Root() {
  return (
    <>
      <SessionExpiryListener />
      <Outlet />
    </>
  );
}

// The offers screen joins the portal here (path "offers") once GET /api/v1/me/offers exists.
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
            { path: 'signup', element: <SignupPage /> },
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
            { path: 'activity', element: <ActivityPage /> },
            { path: 'rewards', element: <RewardsPage /> },
            { path: 'preferences', element: <PreferencesPage /> },
            { path: 'feedback', element: <FeedbackPage /> },
            { path: 'account', element: <AccountPage /> },
          ],
        },
        {
          path: 'console',
          element: (
            <RequireRole roles={['staff', 'admin']}>
              <ConsoleLayout />
            </RequireRole>
          ),
          children: [
            { index: true, element: <CustomersPage /> },
            { path: 'customers/:customerId', element: <CustomerPage /> },
            { path: 'pos', element: <PosPage /> },
            { path: 'catalog/:resource?', element: <CatalogPage /> },
            { path: 'analytics', element: <AnalyticsPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
