import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Badge, Brand, Icon, SkeletonList, type IconName } from '@/components/ui';
import { useAnalyticsAvailable } from '@/features/analytics';
import { useLogout, useSession } from '@/features/auth';

export function ConsoleLayout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const analytics = useAnalyticsAvailable();
  const links: { to: string; label: string; icon: IconName; end?: boolean }[] = [
    { to: '/console', label: 'Customers', icon: 'search', end: true },
    { to: '/console/pos', label: 'Point of sale', icon: 'cart' },
    { to: '/console/catalog', label: 'Catalog', icon: 'box' },
  ];
  if (analytics.data === true) links.push({ to: '/console/analytics', label: 'Analytics', icon: 'chart' });
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
          <nav className="sidebar__nav" aria-label="Console">
            {links.map((l) => (
              <NavLink key={l.to} to={l.to} end={l.end} className="sidebar__link">
                <Icon name={l.icon} size={20} />
                <span>{l.label}</span>
              </NavLink>
            ))}
          </nav>
          <div className="sidebar__footer">
            <Badge tone="primary">{session?.role ?? 'staff'}</Badge>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
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
