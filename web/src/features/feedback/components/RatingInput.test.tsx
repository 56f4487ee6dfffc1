import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RatingInput } from './RatingInput';

function Harness() {
  const [value, setValue] = useState(0);
  return <RatingInput value={value} onChange={setValue} />;
}

describe('RatingInput', () => {
  it('is five real, labelled radio inputs in a radio group', async () => {
    render(<Harness />);
    const group = screen.getByRole('radiogroup', { name: 'How was your experience?' });
    const radios = screen.getAllByRole('radio');
    expect(group.contains(radios[0])).toBe(true);
    expect(radios.map((r) => r.getAttribute('type'))).toEqual(['radio', 'radio', 'radio', 'radio', 'radio']);
    expect(screen.getByRole('radio', { name: '1 star, Very poor' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '5 stars, Excellent' })).toBeTruthy();
    await userEvent.click(screen.getByRole('radio', { name: '4 stars, Good' }));
    expect((screen.getByRole('radio', { name: '4 stars, Good' }) as HTMLInputElement).checked).toBe(true);
  });
});
