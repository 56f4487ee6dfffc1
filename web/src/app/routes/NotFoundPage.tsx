import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/ui';
import { usePageTitle } from '../use-page-title';

export function NotFoundPage() {
  usePageTitle('Not found');
  return (
    <main id="main" className="narrow-page">
      <h1 className="visually-hidden">Page not found</h1>
      <EmptyState title="This page does not exist" icon="search">
        <Link to="/">Go to the home page</Link>
      </EmptyState>
    </main>
  );
}
