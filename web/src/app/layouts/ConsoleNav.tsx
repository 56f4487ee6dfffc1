import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { Icon, type IconName } from '@/components/ui';

interface ConsoleLink {
  to: string;
  label: string;
  icon: IconName;
  end?: boolean;
}

function consoleLinks(withAnalytics: boolean): ConsoleLink[] {
  const links: ConsoleLink[] = [
    { to: '/console', label: 'Customers', icon: 'search', end: true },
    { to: '/console/pos', label: 'Point of sale', icon: 'cart' },
    { to: '/console/catalog', label: 'Catalog', icon: 'box' },
    { to: '/console/campaigns', label: 'Campaigns', icon: 'megaphone' },
    { to: '/console/currencies', label: 'Currencies', icon: 'exchange' },
  ];
  if (withAnalytics) links.push({ to: '/console/analytics', label: 'Analytics', icon: 'chart' });
  return links;
}

/** The console's sections; `analyticsAvailable` (the probe's answer, undefined until it comes) adds Analytics. */
export function ConsoleNav({ analyticsAvailable }: { analyticsAvailable: boolean | undefined }) {
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
  }, [pathname, analyticsAvailable]);
  return (
    <nav ref={navRef} className="sidebar__nav" aria-label="Console">
      {consoleLinks(analyticsAvailable === true).map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className="sidebar__link">
          <Icon name={l.icon} size={20} />
          <span>{l.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
