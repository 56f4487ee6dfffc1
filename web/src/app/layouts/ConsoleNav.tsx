import { NavLink } from 'react-router-dom';
import { Icon } from '@/components/ui';
import { CONSOLE_SECTIONS } from '../routes/console/sections';
import { sectionLink } from '../routes/section';

/** The console's sections; `analyticsAvailable` (the probe's answer, undefined until it comes) adds Analytics. */
export function ConsoleNav({ analyticsAvailable }: { analyticsAvailable: boolean | undefined }) {
  const sections = CONSOLE_SECTIONS.filter((s) => !s.needsAnalytics || analyticsAvailable === true);
  // Under 64rem the links wrap into a grid of rows under the top bar (every section readable at 375 px, none
  // scrolled out of view); from 64rem they are the sidebar's column.
  return (
    <nav className="sidebar__nav" aria-label="Console">
      {sections.map((section) => (
        <NavLink key={section.path} {...sectionLink('/console', section)} className="sidebar__link">
          <Icon name={section.icon} size={20} />
          <span>{section.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}
