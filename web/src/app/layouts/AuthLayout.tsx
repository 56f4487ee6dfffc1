import { Outlet } from 'react-router-dom';
import { Brand } from '@/components/ui';

export function AuthLayout() {
  return (
    <div className="auth-layout">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="auth-layout__aside" aria-hidden="true">
        <Brand />
        <p className="auth-layout__pitch">Every purchase brings you closer to something good.</p>
        <ul className="auth-layout__perks">
          <li>Earn points on every purchase</li>
          <li>Climb tiers for bigger multipliers</li>
          <li>Redeem rewards in a tap</li>
        </ul>
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
