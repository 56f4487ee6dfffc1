import { describe, expect, it } from 'vitest';

// Debian's Chromium has no colour emoji font: a pictograph in the UI is drawn
// as an empty box. Icons are SVG (components/ui/Icon); text keeps to
// characters of the ordinary fonts (★ → · … − × are fine).
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx,css}', '!/src/**/*.test.{ts,tsx}', '!/src/**/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the UI has no emoji', () => {
  it('reads the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
  });

  it.each(Object.entries(sources))('%s has no pictograph', (_file, text) => {
    const found = [...text.matchAll(/\p{Extended_Pictographic}|[\u{10000}-\u{10FFFF}]|\uFE0F/gu)].map((m) => m[0]);
    expect(found).toEqual([]);
  });
});
