import type { BadgeTone } from '@/components/ui';

const KINDS: Record<string, { label: string; tone: BadgeTone }> = {
  earn: { label: 'Earned', tone: 'success' },
  bonus: { label: 'Bonus', tone: 'primary' },
  redeem: { label: 'Redeemed', tone: 'neutral' },
  expire: { label: 'Expired', tone: 'warning' },
  reverse: { label: 'Returned', tone: 'danger' },
  adjust: { label: 'Adjustment', tone: 'neutral' },
};

export function ledgerKind(kind: string): { label: string; tone: BadgeTone } {
  return KINDS[kind] ?? { label: kind, tone: 'neutral' };
}
