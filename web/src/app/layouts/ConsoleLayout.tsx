import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Brand, Icon, SkeletonList, type IconName } from '@/components/ui';
import { useAnalyticsAvailable } from '@/features/analytics';
import { useLogout, useSession } from '@/features/auth';

export function ConsoleLayout() {
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const analytics = useAnalyticsAvailable();
  const { pathname } = useLocation();
  const navRef = useRef<HTMLElement>(null);
  // Under 64rem the links are one row that scrolls sideways: keep the current one in view.
  useEffect(() => {
    const reveal = () => {
      const nav = navRef.current;
      const active = nav?.querySelector<HTMLElement>('.sidebar__link.active');
      if (!nav || !active || nav.scrollWidth <= nav.clientWidth) return;
      const navBox = nav.getBoundingClientRect();
      const box = active.getBoundingClientRect();
      if (box.left < navBox.left) nav.scrollLeft -= navBox.left - box.left;
      else if (box.right > navBox.right) nav.scrollLeft += box.right - navBox.right;
    };
    reveal();
    window.addEventListener('resize', reveal);
    return () => window.removeEventListener('resize', reveal);
  }, [pathname, analytics.data]);
  const links: { to: string; label: string; icon: IconName; end?: boolean }[] = [
    { to: '/console', label: 'Customers', icon: 'search', end: true },
    { to: '/console/pos', label: 'Point of sale', icon: 'cart' },
    { to: '/console/catalog', label: 'Catalog', icon: 'box' },
    { to: '/console/campaigns', label: 'Campaigns', icon: 'megaphone' },
    { to: '/console/currencies', label: 'Currencies', icon: 'exchange' },
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
          <nav ref={navRef} className="sidebar__nav" aria-label="Console">
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
