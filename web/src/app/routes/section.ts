import type { ComponentType } from 'react';
import { resolvePath } from 'react-router-dom';
import type { IconName } from '@/components/ui';

/** A section of the portal or the console: one entry of the area's navigation and the route of its page. */
export interface Section {
  /** The path under the area's root; '' is the area's index. */
  path: string;
  /** An optional last segment the page reads (the catalog's `resource`): the route takes it, the link leaves it out. */
  param?: string;
  label: string;
  icon: IconName;
  page: ComponentType;
}

/** The section's link under its area's root ('/', '/console'); the index is current only on the root itself. */
export function sectionLink(root: string, { path }: Section): { to: string; end: boolean } {
  return { to: resolvePath(path, root).pathname, end: path === '' };
}
