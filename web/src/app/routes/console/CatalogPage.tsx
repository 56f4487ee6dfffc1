import { NavLink, Navigate, useParams } from 'react-router-dom';
import { isResourceKey, RESOURCE_KEYS, RESOURCES, ResourceManager } from '@/features/catalog';
import { Page } from '../../Page';

export function CatalogPage() {
  const { resource } = useParams();
  const key = isResourceKey(resource) ? resource : null;
  if (!key) return <Navigate to="/console/catalog/products" replace />;
  const config = RESOURCES[key];
  return (
    <Page title="Catalog and program" tabTitle={config.title} subtitle="Products, rewards, earning rules, tiers and stores.">
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
    </Page>
  );
}
