/**
 * bwip-js draws a symbol as an SVG document string. The app's CSP allows no
 * data: images and React should not inject markup, so the string is read back
 * into its viewBox and shapes (paths only: that is all bwip-js emits without
 * text) and drawn as React elements.
 */
export interface BarcodeShape {
  d: string;
  stroke?: string;
  strokeWidth?: number;
  fill?: string;
}

export interface BarcodeDrawing {
  viewBox: string;
  width: number;
  height: number;
  shapes: BarcodeShape[];
}

/** Bound on the shapes read from one drawing (a Code 128 of 32 characters draws a few dozen). */
export const MAX_BARCODE_SHAPES = 2_000;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function parseBarcodeSvg(svg: string): BarcodeDrawing | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  const viewBox = root ? attr(root, 'viewBox') : undefined;
  if (!viewBox) return null;
  const [, , width, height] = viewBox.split(/\s+/).map(Number);
  if (!(width > 0 && height > 0)) return null;
  const shapes: BarcodeShape[] = [];
  for (const match of svg.matchAll(/<path\b[^>]*>/g)) {
    if (shapes.length >= MAX_BARCODE_SHAPES) break;
    const tag = match[0];
    const d = attr(tag, 'd');
    if (!d || !/^[MLZHVmlzhv0-9.\s-]+$/.test(d)) continue;
    const strokeWidth = attr(tag, 'stroke-width');
    shapes.push({ d, stroke: attr(tag, 'stroke'), strokeWidth: strokeWidth ? Number(strokeWidth) : undefined, fill: attr(tag, 'fill') });
  }
  return shapes.length ? { viewBox, width, height, shapes } : null;
}
