import { lazy, Suspense } from 'react';
import type { BarcodeKind } from './barcode-render';

// bwip-js is a large library: its own chunk, loaded when a code is first drawn.
const BarcodeRender = lazy(() => import('./barcode-render'));

/**
 * A scannable code (Code 128 by default, or QR) drawn by bwip-js, with the
 * value printed under it so a cashier can also type it.
 */
export function Barcode({ value, kind = 'code128', label, caption, size = 'normal', captionTestId }: {
  value: string;
  kind?: BarcodeKind;
  /** What the code is, for assistive technology ("Member card 1234…"). */
  label: string;
  /** The visible text under the code (default: the value). */
  caption?: string;
  size?: 'normal' | 'large';
  captionTestId?: string;
}) {
  return (
    <figure className={`barcode barcode--${kind} barcode--${size}`} data-testid="barcode" data-value={value}>
      <div className="barcode__frame">
        <Suspense fallback={<span className="barcode__placeholder" aria-hidden="true" />}>
          <BarcodeRender value={value} kind={kind} label={label} />
        </Suspense>
      </div>
      <figcaption className="barcode__caption mono" data-testid={captionTestId}>{caption ?? value}</figcaption>
    </figure>
  );
}
