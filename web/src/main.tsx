import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { api } from './lib/api';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/layout.css';
import './styles/offers.css';
import './styles/portal-hub.css';
import './styles/console-tools.css';

// The access token is kept in memory only: a page load gets one from the refresh cookie.
void api.restore();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
