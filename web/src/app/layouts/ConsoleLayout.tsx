import { Suspense } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { Badge, Brand, SkeletonList } from '@/components/ui';
import { useAnalyticsAvailable } from '@/features/analytics';
import { useLogout, useSession } from '@/features/auth';
import { ConsoleNav } from './ConsoleNav';

export function ConsoleLayout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const analytics = useAnalyticsAvailable();
  return (
    <div className="console">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* The aside spans the page's height (its background and border); the inner column stays in view. */}
      <aside className="sidebar">
        <div className="sidebar__inner">
          <div className="sidebar__brand">
            <Brand suffix="Console" />
          </div>
          <ConsoleNav analyticsAvailable={analytics.data} />
          <div className="sidebar__footer">
            <Badge tone="primary">{session?.role ?? 'staff'}</Badge>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={async () => {
                await logout();
                navigate('/staff/login', { replace: true });
              }}
            >
              <span className="btn__label">Log out</span>
            </button>
          </div>
        </div>
      </aside>
      <main id="main" className="console__main">
        <Suspense fallback={<SkeletonList rows={4} rowHeight="4rem" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
