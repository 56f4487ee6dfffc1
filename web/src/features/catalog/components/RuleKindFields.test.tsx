import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RESOURCES } from '../resources';
import type { FieldDef } from '../types';
import { ResourceForm } from './ResourceForm';

const base: Omit<FieldDef, 'name' | 'kind' | 'label'> = {
  required: false,
  nullable: false,
  hint: null,
  min: 0,
  max: 1e12,
  choices: [],
  currency: null,
  references: null,
  applies_when: null,
  default: null,
};
const only = (...values: string[]) => ({ field: 'kind', values });
// An earning rule's fields as the server's schema gives them (the HTTP suite checks the schema itself).
const RULE: FieldDef[] = [
  { ...base, name: 'name', kind: 'text', label: 'Name', required: true },
  {
    ...base,
    name: 'kind',
    kind: 'choice',
    label: 'Kind',
    required: true,
    choices: [
      { value: 'base_rate', label: 'Base rate' },
      { value: 'sku_bonus', label: 'SKU bonus' },
      { value: 'spend_threshold_bonus', label: 'Spend threshold bonus' },
    ],
  },
  { ...base, name: 'rate_milli', kind: 'permille', label: 'Points per currency unit', applies_when: only('base_rate') },
  { ...base, name: 'bonus_points', kind: 'integer', label: 'Bonus points', applies_when: only('sku_bonus', 'spend_threshold_bonus') },
  { ...base, name: 'target', kind: 'text', label: 'Category or SKU', nullable: true, applies_when: only('sku_bonus') },
  { ...base, name: 'threshold_minor', kind: 'money', label: 'Spend threshold', currency: 'USD', applies_when: only('spend_threshold_bonus') },
];

const labels = () => ['Points per currency unit', 'Bonus points', 'Category or SKU', 'Spend threshold (USD)'].filter((l) => screen.queryByLabelText(l));

describe('an earning rule form', () => {
  it('asks only for what the chosen kind uses, and sends only that', () => {
    const onSubmit = vi.fn();
    render(<ResourceForm config={RESOURCES['earning-rules']} fields={RULE} item={null} error={null} pending={false} onSubmit={onSubmit} onCancel={vi.fn()} />);
    expect(labels()).toEqual(['Points per currency unit']);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'spend_threshold_bonus' } });
    expect(labels()).toEqual(['Bonus points', 'Spend threshold (USD)']);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Big basket' } });
    fireEvent.change(screen.getByLabelText('Bonus points'), { target: { value: '50' } });
    fireEvent.change(screen.getByLabelText('Spend threshold (USD)'), { target: { value: '75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create earning rule' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Big basket', kind: 'spend_threshold_bonus', bonus_points: 50, threshold_minor: 7500 });
  });

  it('opens an existing rule on its own kind', () => {
    render(<ResourceForm config={RESOURCES['earning-rules']} fields={RULE} item={{ id: 'rul_1', name: 'Wraps', kind: 'sku_bonus', target: 'HOM-004', bonus_points: 10 }} error={null} pending={false} onSubmit={vi.fn()} onCancel={vi.fn()} />);
    expect(labels()).toEqual(['Bonus points', 'Category or SKU']);
  });
});
