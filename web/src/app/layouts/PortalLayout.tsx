import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Brand, Icon, type IconName } from '@/components/ui';
import { useLogout } from '@/features/auth';

const NAV: { to: string; label: string; icon: IconName; end?: boolean; mobile: boolean }[] = [
  { to: '/', label: 'Home', icon: 'home', end: true, mobile: true },
  { to: '/offers', label: 'For you', icon: 'sparkle', mobile: true },
  { to: '/activity', label: 'Activity', icon: 'activity', mobile: true },
  { to: '/rewards', label: 'Rewards', icon: 'gift', mobile: true },
  { to: '/shop', label: 'Shop', icon: 'cart', mobile: true },
  { to: '/preferences', label: 'Preferences', icon: 'sliders', mobile: false },
  // Feedback and Preferences are one tap from Account on a phone (its Settings card): six tabs fit 320 px.
  { to: '/feedback', label: 'Feedback', icon: 'chat', mobile: false },
  { to: '/account', label: 'Account', icon: 'user', mobile: true },
];

export function PortalLayout() {
  const logout = useLogout();
  const navigate = useNavigate();
  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="topbar__brand" aria-label="Patron home">
            <Brand />
          </NavLink>
          <nav className="topnav" aria-label="Main">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end} className="topnav__link">
                {item.label}
              </NavLink>
            ))}
          </nav>
          <button type="button" className="btn btn--ghost btn--sm" onClick={signOut}>
            <span className="btn__label">Log out</span>
          </button>
        </div>
      </header>
      <main id="main" className="portal__main">
        <Outlet />
      </main>
      <nav className="tabbar" aria-label="Main (mobile)">
        {NAV.filter((n) => n.mobile).map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} className="tabbar__link">
            <Icon name={item.icon} />
            <span>{item.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
