// Checks of the member portal's screens at 375 px (issue 16), run in the page:
// touch targets, squeezed text columns and heading order. Each returns the
// offending elements so a failure names them.
import { expect, type Page } from '@playwright/test';
import { settled } from './helpers';

/** docs/web.md promises touch targets of at least 44 × 44 CSS px. */
export const MIN_TARGET_PX = 44;
/** A text column narrower than this at 375 px is squeezed (issue 16: a 52 px date-and-store column). */
export const MIN_TEXT_COLUMN_PX = 120;
/** ...when its own text wraps onto more lines than this (a short label such as "+50 pts" may be narrow). */
export const MAX_LINES_IN_NARROW_COLUMN = 2;

async function at375<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 812 });
  await settled(page);
  try {
    return await check();
  } finally {
    if (original) await page.setViewportSize(original);
  }
}

/**
 * Every visible button, link, input, select, textarea, summary and tab is at
 * least 44 × 44 px. The target of a checkbox or radio is its label (the whole
 * label is clickable; the feedback stars' radios are drawn by their labels).
 * Elements off screen (the skip link until focused) or not rendered (closed
 * dialogs and details) are not targets.
 */
export async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const small = await at375(page, () =>
    page.evaluate((min) => {
      const found: string[] = [];
      const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=tab]';
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        let box = el.getBoundingClientRect();
        if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
          const label = el.closest('label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
          if (label) box = label.getBoundingClientRect();
        }
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        if (box.right <= 0 || box.bottom <= 0 || box.left >= window.innerWidth) continue; // off screen (skip link)
        if (el.closest('.visually-hidden') && !(el instanceof HTMLInputElement)) continue;
        if (box.width + 0.5 < min || box.height + 0.5 < min) {
          const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
          found.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
        }
      }
      return found;
    }, MIN_TARGET_PX),
  );
  expect(small, `touch targets under ${MIN_TARGET_PX} × ${MIN_TARGET_PX} px on ${screen} at 375 px`).toEqual([]);
}

/**
 * No squeezed text column: an element with text of its own (not only its
 * children's) that is narrower than 120 px while that text wraps onto more
 * than two lines. Lines are counted from the text's own line boxes, so a
 * narrow badge or "+50 pts" on one line passes and a column of a date and a
 * store name broken over seven lines does not. Visually hidden text is skipped.
 */
export async function expectNoSqueezedText(page: Page, screen: string): Promise<void> {
  const squeezed = await at375(page, () =>
    page.evaluate(
      ({ minWidth, maxLines }) => {
        const found: string[] = [];
        const range = document.createRange();
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
          if (el.closest('.visually-hidden, svg, script, style, [aria-hidden="true"]')) continue;
          const texts = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
          if (texts.length === 0) continue;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0 || box.width >= minWidth) continue;
          const tops = new Set<number>();
          for (const text of texts) {
            range.selectNodeContents(text);
            for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
          }
          if (tops.size > maxLines) found.push(`"${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)} px wide on ${tops.size} lines`);
        }
        return found;
      },
      { minWidth: MIN_TEXT_COLUMN_PX, maxLines: MAX_LINES_IN_NARROW_COLUMN },
    ),
  );
  expect(squeezed, `text columns narrower than ${MIN_TEXT_COLUMN_PX} px on ${screen} at 375 px`).toEqual([]);
}

/** Headings go down one level at a time (h1 → h2 → h3), starting at h1. */
export async function expectHeadingOrder(page: Page, screen: string): Promise<void> {
  const levels = await page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
      .filter((h) => (h as HTMLElement).getClientRects().length > 0 || h.closest('.visually-hidden'))
      .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim().slice(0, 40) })),
  );
  const skips: string[] = [];
  let previous = 0;
  for (const h of levels) {
    if (h.level > previous + 1) skips.push(`h${h.level} "${h.text}" after h${previous}`);
    previous = h.level;
  }
  expect(levels[0]?.level, `${screen} starts with an h1`).toBe(1);
  expect(skips, `heading levels skipped on ${screen}`).toEqual([]);
}

/** Text a member should never read: server ids and raw enums. */
export async function expectNoInternalData(page: Page, screen: string): Promise<void> {
  const text = await page.locator('main').innerText();
  const leaks = text.match(/\b(txn|red|sto|rul|led|cus|rwd|prd|ofr|cmp)_[0-9a-z]{6,}\b|\b[A-Z]+_[A-Z_]+\b|PARTIALLY|partially_returned/g) ?? [];
  expect(leaks, `internal ids or enums on ${screen}`).toEqual([]);
}

/** All the portal checks of one screen at 375 px. */
export async function expectMemberFriendly(page: Page, screen: string): Promise<void> {
  await expectTouchTargets(page, screen);
  await expectNoSqueezedText(page, screen);
  await expectHeadingOrder(page, screen);
  await expectNoInternalData(page, screen);
}
