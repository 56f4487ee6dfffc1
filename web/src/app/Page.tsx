import type { ReactNode } from 'react';
import { Card, PageHeader } from '@/components/ui';
import { usePageTitle } from './use-page-title';

interface PageProps {
  title: string;
  /** The browser tab's title where it says more than the heading (by default the heading). */
  tabTitle?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  /** One column of forms rather than the full width. */
  narrow?: boolean;
  children: ReactNode;
}

/** A routed page: its heading, which also names the browser tab, over its content. */
export function Page({ title, tabTitle = title, subtitle, actions, narrow = false, children }: PageProps) {
  usePageTitle(tabTitle);
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      {children}
    </div>
  );
}

/** A page that is one form: narrow, the form on a card. */
export function FormPage({ title, subtitle, children }: { title: string; subtitle: ReactNode; children: ReactNode }) {
  return (
    <Page title={title} subtitle={subtitle} narrow>
      <Card>{children}</Card>
    </Page>
  );
}
