import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { SkeletonList } from '@/components/ui';
import { RedirectIfSignedIn, RequireRole, SessionExpiryListener } from './guards';
import { AuthLayout } from './layouts/AuthLayout';
import { PortalLayout } from './layouts/PortalLayout';
import { ForgotPasswordPage } from './routes/auth/ForgotPasswordPage';
import { LoginPage } from './routes/auth/LoginPage';
import { ResetPasswordPage } from './routes/auth/ResetPasswordPage';
import { SignupPage } from './routes/auth/SignupPage';
import { CONSOLE_SECTIONS } from './routes/console/sections';
import { NotFoundPage } from './routes/NotFoundPage';
import { ShopCancelPage, ShopSuccessPage } from './routes/portal/ShopResultPages';
import { PORTAL_SECTIONS } from './routes/portal/sections';
import type { Section } from './routes/section';

// The staff console is its own chunk: customers never download it (nor its sections' pages: ./routes/console/sections).
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })));
const CustomerPage = lazy(() => import('./routes/console/CustomerPage').then((m) => ({ default: m.CustomerPage })));
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

/** A section's route: its page at the area's index, or at its path (with the optional segment the page reads). */
function sectionRoute({ path, param, page: Page }: Section): RouteObject {
  if (!path) return { index: true, element: <Page /> };
  return { path: param ? `${path}/:${param}?` : path, element: <Page /> };
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
            ...PORTAL_SECTIONS.map(sectionRoute),
            { path: 'shop/success', element: <ShopSuccessPage /> },
            { path: 'shop/cancel', element: <ShopCancelPage /> },
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
            ...CONSOLE_SECTIONS.map(sectionRoute),
            { path: 'customers/:customerId', element: <CustomerPage /> },
            { path: 'campaigns/:campaignId', element: <CampaignPage /> },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
