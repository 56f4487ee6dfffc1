import { Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { Brand } from '@/components/ui';

export function AuthLayout() {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const staff = pathname.startsWith('/staff') || (params.get('next') ?? '').startsWith('/console');
  return (
    <div className="auth-layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="auth-layout__aside" aria-hidden="true">
        <Brand />
        {staff ? (
          <>
            <p className="auth-layout__pitch">The staff console.</p>
            <ul className="auth-layout__perks">
              <li>Find a customer and see their 360° view</li>
              <li>Record purchases and returns at the till</li>
              <li>Manage rewards, rules, tiers and campaigns</li>
            </ul>
          </>
        ) : (
          <>
            <p className="auth-layout__pitch">Every purchase brings you closer to something good.</p>
            <ul className="auth-layout__perks">
              <li>Earn points on every purchase</li>
              <li>Climb tiers for bigger multipliers</li>
              <li>Redeem rewards in a tap</li>
            </ul>
          </>
        )}
      </aside>
      <main id="main" className="auth-layout__main">
        <div className="auth-layout__brand-mobile">
          <Brand />
        </div>
        <div className="auth-card">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
