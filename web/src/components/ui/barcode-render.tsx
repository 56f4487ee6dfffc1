import { code128, drawingSVG, qrcode } from 'bwip-js/browser';
import { parseBarcodeSvg } from './barcode-svg';

export type BarcodeKind = 'code128' | 'qrcode';

/** Draws `value` with bwip-js as inline SVG (no image URL: the CSP allows none). Lazily loaded. */
export default function BarcodeRender({ value, kind, label }: { value: string; kind: BarcodeKind; label: string }) {
  let svg = '';
  try {
    // The quiet zones scanners need are part of the drawing (white): 10 modules beside a Code 128, 4 around a QR code.
    svg =
      kind === 'qrcode'
        ? qrcode({ bcid: 'qrcode', text: value, paddingwidth: 4, paddingheight: 4 }, drawingSVG())
        : code128({ bcid: 'code128', text: value, height: 14, scale: 2, paddingwidth: 10 }, drawingSVG());
  } catch {
    svg = '';
  }
  const drawing = parseBarcodeSvg(svg);
  if (!drawing) return <p className="muted small">This code cannot be drawn; read it out instead.</p>;
  return (
    <svg className={`barcode__svg barcode__svg--${kind}`} viewBox={drawing.viewBox} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet" shapeRendering="crispEdges">
      <rect x={0} y={0} width={drawing.width} height={drawing.height} fill="#fff" />
      {drawing.shapes.map((s, i) => (
        <path key={i} d={s.d} stroke={s.stroke} strokeWidth={s.strokeWidth} fill={s.fill ?? (s.stroke ? 'none' : '#000')} />
      ))}
    </svg>
  );
}
