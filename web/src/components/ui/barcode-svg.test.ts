import { code128, drawingSVG, qrcode } from 'bwip-js/browser';
import { describe, expect, it } from 'vitest';
import { parseBarcodeSvg } from './barcode-svg';

describe('parseBarcodeSvg', () => {
  it('reads the bars of a Code 128 drawn by bwip-js', () => {
    const drawing = parseBarcodeSvg(code128({ bcid: 'code128', text: '4000123456789', height: 14, scale: 2 }, drawingSVG()));
    expect(drawing).not.toBeNull();
    expect(drawing!.width).toBeGreaterThan(100);
    expect(drawing!.shapes.length).toBeGreaterThan(2);
    expect(drawing!.shapes.every((s) => /^M/.test(s.d))).toBe(true);
  });

  it('reads a QR code', () => {
    const drawing = parseBarcodeSvg(qrcode({ bcid: 'qrcode', text: 'PTR-ABCDE-FGHIJ' }, drawingSVG()));
    expect(drawing!.width).toBe(drawing!.height);
  });

  it('refuses anything but paths of coordinates', () => {
    expect(parseBarcodeSvg('<svg viewBox="0 0 10 10"><path d="javascript:alert(1)"/></svg>')).toBeNull();
    expect(parseBarcodeSvg('<div>no svg</div>')).toBeNull();
  });
});
