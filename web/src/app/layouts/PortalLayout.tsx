import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Brand, Icon } from '@/components/ui';
import { useLogout } from '@/features/auth';
import { PORTAL_SECTIONS } from '../routes/portal/sections';
import { sectionLink } from '../routes/section';

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
            {PORTAL_SECTIONS.map((section) => (
              <NavLink key={section.path} {...sectionLink('/', section)} className="topnav__link">
                {section.label}
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
        {PORTAL_SECTIONS.filter((s) => s.mobile).map((section) => (
          <NavLink key={section.path} {...sectionLink('/', section)} className="tabbar__link">
            <Icon name={section.icon} />
            <span>{section.label}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
