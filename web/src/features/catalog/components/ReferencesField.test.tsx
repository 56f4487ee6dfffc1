import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, serveFakeFetch } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { RESOURCES } from '../resources';
import type { FieldDef } from '../types';
import { ResourceForm } from './ResourceForm';

afterEach(() => vi.unstubAllGlobals());

const STORES: FieldDef = {
  name: 'store_ids',
  kind: 'references',
  references: 'stores',
  label: 'Stores',
  hint: 'None ticked: every store.',
  required: false,
  nullable: true,
  min: null,
  max: null,
  currency: null,
  applies_when: null,
  default: null,
  choices: [],
};

describe('a references field (an earning rule\'s stores)', () => {
  it('offers the stores by name and code, ticks the rule\'s own, and sends the ticked ids', async () => {
    serveFakeFetch({
      'GET /api/v1/admin/stores': () =>
        json(200, { items: [{ id: 'sto_a', code: 'MAIN', name: 'Main street' }, { id: 'sto_b', code: 'WEB', name: 'Online shop' }], next_cursor: null }),
    });
    const onSubmit = vi.fn();
    renderWithProviders(
      <ResourceForm config={RESOURCES['earning-rules']} fields={[STORES]} item={{ id: 'rul_1', store_ids: 'sto_b' }} error={null} pending={false} onSubmit={onSubmit} onCancel={vi.fn()} />,
    );
    const main = await screen.findByLabelText('Main street (MAIN)');
    expect((main as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Online shop (WEB)') as HTMLInputElement).checked).toBe(true);
    expect(document.body.textContent).not.toContain('sto_');
    fireEvent.click(main);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onSubmit).toHaveBeenCalledWith({ store_ids: 'sto_a,sto_b' });
  });
});
