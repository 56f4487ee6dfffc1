import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './Spinner';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'md' | 'sm';
  /** Shows a spinner over the label, keeping the button's width (no jump). */
  loading?: boolean;
  block?: boolean;
  children: ReactNode;
}

export function Button({ variant = 'primary', size = 'md', loading = false, block = false, className, disabled, children, type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', `btn--${variant}`, size === 'sm' && 'btn--sm', block && 'btn--block', loading && 'btn--loading', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
      <span className="btn__label">{children}</span>
      {loading && <Spinner className="btn__spinner" label="Working" />}
    </button>
  );
}
