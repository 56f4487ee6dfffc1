import { describe, expect, it } from 'vitest';
import { expiringSoon } from './expiring';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const inDays = (d: number) => new Date(NOW + d * 86_400_000).toISOString();

describe('expiringSoon', () => {
  it('keeps only points expiring within 60 days, soonest first', () => {
    const list = [
      { points: 30, expires_at: inDays(59) },
      { points: 10, expires_at: inDays(3) },
      { points: 99, expires_at: inDays(61) },
      { points: 0, expires_at: inDays(5) },
      { points: 7, expires_at: inDays(-1) },
    ];
    expect(expiringSoon(list, NOW).map((e) => e.points)).toEqual([10, 30]);
    expect(expiringSoon([], NOW)).toEqual([]);
    expect(expiringSoon(undefined, NOW)).toEqual([]);
  });
});
