import { NavLink, Navigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/ui';
import { isResourceKey, RESOURCE_KEYS, RESOURCES, ResourceManager } from '@/features/catalog';
import { usePageTitle } from '../../use-page-title';

export function CatalogPage() {
  const { resource } = useParams();
  const key = isResourceKey(resource) ? resource : null;
  usePageTitle(key ? RESOURCES[key].title : 'Catalog');
  if (!key) return <Navigate to="/console/catalog/products" replace />;
  const config = RESOURCES[key];
  return (
    <div className="page">
      <PageHeader title="Catalog and program" subtitle="Products, rewards, earning rules, tiers and stores." />
      <nav className="segmented" aria-label="Catalog sections">
        {RESOURCE_KEYS.map((k) => (
          <NavLink key={k} to={`/console/catalog/${k}`} className="segmented__item">
            {RESOURCES[k].title}
          </NavLink>
        ))}
      </nav>
      <h2 className="section-title">{config.title}</h2>
      {/* key: a fresh manager (and its dialogs) per resource */}
      <ResourceManager key={key} config={config} />
    </div>
  );
}
