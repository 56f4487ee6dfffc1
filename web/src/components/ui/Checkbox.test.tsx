// @ts-expect-error -- node's fs, for the stylesheet's text: the app's types leave node out, and a CSS import is empty under Vitest
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Checkbox } from './Field';

const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd(); // web/, where Vitest runs
const componentsCss: string = readFileSync(`${cwd}/src/styles/components.css`, 'utf8');

// jsdom lays nothing out, so the row is checked by its parts: the box and its label are
// siblings in one `.checkbox` row, the stylesheet keeps the box its size and lets the label
// shrink and wrap beside it (not wrap under it, as "Send me news and member offers" did at 375 px).
describe('Checkbox', () => {
  it('keeps the box and its label on one row, the label wrapping beside the box', () => {
    render(<Checkbox label="Send me news and member offers" name="marketing_opt_in" hint="At most once a month." />);
    const box = screen.getByRole('checkbox', { name: 'Send me news and member offers' });
    const row = box.parentElement!;
    expect(row.className).toBe('checkbox');
    expect([...row.children].map((c) => c.tagName)).toEqual(['INPUT', 'LABEL', 'P']);
    const css = componentsCss.replace(/\s+/g, ' ');
    expect(css).toMatch(/\.checkbox input \{[^}]*flex: none;/);
    expect(css).toMatch(/\.checkbox > label \{[^}]*flex: 1 1 0;[^}]*min-width: 0;/);
    expect(css).toMatch(/\.checkbox \.field__hint \{ flex-basis: 100%; \}/);
  });
});
