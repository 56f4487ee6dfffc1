import { describe, expect, it } from 'vitest';
import { sentimentText } from './sentiment';

describe('sentimentText', () => {
  it('says what the number means', () => {
    expect(sentimentText(0.7891)).toBe('positive, 0.79 on −1…1');
    expect(sentimentText(-0.5)).toBe('negative, −0.50 on −1…1');
    expect(sentimentText(0.01)).toBe('neutral, 0.01 on −1…1');
    expect(sentimentText(null)).toBeNull();
  });
});
