import { NavLink } from 'react-router-dom';
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
  // Under 64rem the links wrap into a grid of rows under the top bar (every section readable at 375 px, none
  // scrolled out of view); from 64rem they are the sidebar's column.
  return (
    <nav className="sidebar__nav" aria-label="Console">
      {consoleLinks(analyticsAvailable === true).map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className="sidebar__link">
          <Icon name={l.icon} size={20} />
          <span>{l.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
