import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { installFakeApi, page } from '@/test/fake-api';
import { setLanguage } from '@/lib/i18n';
import { ObligationPicker, SystemPicker, type PickerOption, type SystemValue } from './index';

const APP = '33333333-3333-4333-8333-333333333333';
const DEV = '44444444-4444-4444-8444-444444444444';
// the shared 2-core machine is slow: allow the debounced search time to answer
const T = { timeout: 10_000 };

function wrap(ui: React.ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={qc}>{ui}</QueryClientProvider>);
}

function SystemHarness({ onPick }: { onPick: (v: SystemValue) => void }) {
  const [v, setV] = React.useState<SystemValue>(null);
  return (
    <SystemPicker
      id="sys"
      value={v}
      onChange={(x) => {
        setV(x);
        onPick(x);
      }}
    />
  );
}

describe('pickers', () => {
  it('[E1] searches applications as the user types and picks one with ArrowDown + Enter; another kind searches its own register', async () => {
    const api = installFakeApi({
      'GET /api/systems/applications': (r) =>
        page([
          { id: APP, name: 'SIMRS', opdName: 'Dinas Kesehatan' },
          { id: '55555555-5555-4555-8555-555555555555', name: 'SIMPEG', opdName: 'BKPSDM' },
        ].filter((a) => !r.query.get('q') || a.name.toLowerCase().includes(r.query.get('q')!.toLowerCase()))),
      'GET /api/systems/devices': () => page([{ id: DEV, name: 'SRV-RSUD-SIMRS', opdName: 'Dinas Kesehatan' }]),
    });
    const picked: SystemValue[] = [];
    wrap(<SystemHarness onPick={(v) => picked.push(v)} />);
    const box = screen.getByRole('combobox', { name: 'Sistem elektronik' });
    fireEvent.change(box, { target: { value: 'rs' } });
    const list = await screen.findByRole('listbox', {}, T);
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['SIMRSDinas Kesehatan']), T);
    expect(api.callsTo('GET', '/api/systems/applications').some((c) => c.query.get('q') === 'rs')).toBe(true);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('sys-opt-0');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(picked.at(-1)).toEqual({ entity: 'sys_application', id: APP, label: 'SIMRS' });
    expect((box as HTMLInputElement).value).toBe('SIMRS');
    expect(screen.queryByRole('listbox')).toBeNull();

    // the clear button empties the choice; another kind queries its own register
    fireEvent.click(screen.getByRole('button', { name: 'Hapus pilihan' }));
    expect(picked.at(-1)).toBeNull();
    fireEvent.change(screen.getByLabelText('Jenis sistem'), { target: { value: 'sys_device' } });
    fireEvent.focus(box);
    await screen.findByRole('option', { name: /SRV-RSUD-SIMRS/ }, T);
    // the list may re-render while the search settles: click the option as it is now
    await waitFor(() => {
      fireEvent.click(screen.getByRole('option', { name: /SRV-RSUD-SIMRS/ }));
      expect(picked.at(-1)).toEqual({ entity: 'sys_device', id: DEV, label: 'SRV-RSUD-SIMRS' });
    }, T);
  });

  it('[R-REG] offers obligations by regulation code and Pasal; Escape closes the list; labels in English', async () => {
    await setLanguage('en');
    installFakeApi({
      'GET /api/compliance/obligations': () => [
        { id: APP, regulationId: DEV, regulationCode: 'MJK-40', article: '17', ref: 'ayat (1)', text: 'Menerapkan prosedur pengendalian', label: 'MJK-40 Pasal 17 ayat (1): Menerapkan prosedur pengendalian' },
      ],
    });
    let value: PickerOption | null = null;
    wrap(<ObligationPicker id="ob" value={null} onChange={(v) => (value = v)} />);
    const box = screen.getByRole('combobox', { name: 'Regulatory obligation' });
    fireEvent.change(box, { target: { value: 'MJK' } });
    expect(await screen.findByRole('option', { name: /MJK-40 Pasal 17 ayat \(1\)/ }, T)).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(value).toBeNull();
  });
});
