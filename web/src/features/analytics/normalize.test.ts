import { describe, expect, it } from 'vitest';
import { clvHistogram, cohortCells, segmentBars } from './normalize';

describe('analytics readers', () => {
  it.each([
    [{ items: [{ segment: 'Champions', customers: 12 }] }, [{ name: 'Champions', value: 12 }]],
    [[{ name: 'At risk', count: 3 }], [{ name: 'At risk', value: 3 }]],
    [{ segments: { Loyal: 5, New: 2 } }, [{ name: 'Loyal', value: 5 }, { name: 'New', value: 2 }]],
  ])('segment sizes from %j', (raw, expected) => {
    expect(segmentBars(raw)).toEqual(expected);
  });

  it('bins CLV values into a histogram', () => {
    const bars = clvHistogram({ items: [{ clv: 0 }, { clv: 10 }, { clv: 20 }, { clv: 100 }] }, 2);
    expect(bars.map((b) => b.value)).toEqual([3, 1]);
  });

  it('reads cohorts as rows of retention arrays or as cells', () => {
    expect(cohortCells({ items: [{ cohort: '2026-01', retention: [1, 0.5] }] })).toEqual([
      { cohort: '2026-01', period: 0, value: 1 },
      { cohort: '2026-01', period: 1, value: 0.5 },
    ]);
    expect(cohortCells([{ cohort: '2026-02', period: 2, rate: 0.3 }])).toEqual([{ cohort: '2026-02', period: 2, value: 0.3 }]);
  });
});
