import type { AppliedItem } from './types';

export function appliedSource(a: AppliedItem): string {
  return a.source ?? (a.offer ? 'offer' : a.rule ? 'rule' : 'rule');
}

/** "Offer: Triple points on Coffee", "Gold tier bonus", "Rule: Base rate": names, never ids. */
export function appliedLabel(a: AppliedItem): string {
  const source = appliedSource(a);
  const name = a.name?.trim();
  if (source === 'tier') return name ? (/tier/i.test(name) ? name : `Tier bonus: ${name}`) : 'Tier bonus';
  if (source === 'offer') return name ? `Offer: ${name}` : 'Personal offer';
  return name ? `Rule: ${name}` : 'Earning rule';
}

/** Each bonus once: items of the same source and rule/offer/tier are added up (a receipt lists a rule once). */
export function mergeApplied(items: AppliedItem[] | null | undefined): AppliedItem[] {
  const merged: AppliedItem[] = [];
  const byKey = new Map<string, AppliedItem>();
  for (const item of items ?? []) {
    const source = appliedSource(item);
    const key = `${source}|${item.id ?? item.rule ?? item.offer ?? ''}|${item.id || item.rule || item.offer ? '' : (item.name ?? '')}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.points += item.points;
      if (!seen.name && item.name) seen.name = item.name;
    } else {
      const copy = { ...item };
      byKey.set(key, copy);
      merged.push(copy);
    }
  }
  return merged;
}
