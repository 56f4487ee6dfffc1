import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-error';
import { Alert } from './Alert';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';

export function ErrorState({ error, onRetry, title = 'We could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert
      tone="danger"
      title={title}
      action={
        onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {errorMessage(error)}
    </Alert>
  );
}

/** `icon`: one of the SVG icons (colour emoji are not drawn by every browser: Debian's Chromium shows an empty box). */
export function EmptyState({ title, children, icon = 'sparkle' }: { title: string; children?: ReactNode; icon?: IconName }) {
  return (
    <div className="empty">
      <span className="empty__icon" aria-hidden="true">
        <Icon name={icon} size={28} />
      </span>
      <p className="empty__title">{title}</p>
      {children && <div className="empty__text">{children}</div>}
    </div>
  );
}
