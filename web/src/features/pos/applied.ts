import type { AppliedItem } from './types';

/** "Offer: Triple points on Coffee", "Gold tier bonus", "Rule: Base rate": names, never ids. */
export function appliedLabel(a: AppliedItem): string {
  const name = a.name.trim();
  if (a.source === 'tier') return name ? (/tier/i.test(name) ? name : `Tier bonus: ${name}`) : 'Tier bonus';
  if (a.source === 'offer') return name ? `Offer: ${name}` : 'Personal offer';
  return name ? `Rule: ${name}` : 'Earning rule';
}

/** Each bonus once: items of the same source and id are added up (a receipt lists a rule once). */
export function mergeApplied(items: AppliedItem[]): AppliedItem[] {
  const merged: AppliedItem[] = [];
  const byKey = new Map<string, AppliedItem>();
  for (const item of items) {
    const key = `${item.source}|${item.id}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.points += item.points;
    } else {
      const copy = { ...item };
      byKey.set(key, copy);
      merged.push(copy);
    }
  }
  return merged;
}
