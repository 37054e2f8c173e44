import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { baseRoutes, installFakeApi, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const entry = {
  id: 'e1',
  seq: 7,
  at: '2025-03-01T02:00:00.000Z',
  actorUserId: null,
  actorLabel: 'Siti Aminah',
  action: 'update',
  entity: 'opd',
  entityId: 'o1',
  before: { name: 'Dinas Kominfo', code: '2.16' },
  after: { name: 'Dinas Komunikasi dan Informatika', code: '2.16' },
  requestId: 'r1',
  ip: '10.0.0.1',
  hash: 'abc',
};

describe('audit trail (Jejak Audit)', () => {
  it('[A6] keeps filters in the URL, expands a row to the before/after diff and exports with the same filters', async () => {
    const api = installFakeApi({ ...baseRoutes(), 'GET /api/audit': () => page([entry]) });
    renderApp('/audit?entity=opd&from=2025-03-01&to=2025-03-31');
    await screen.findByText('Siti Aminah');
    const call = api.callsTo('GET', '/api/audit').at(-1)!;
    expect(call.query.get('entity')).toBe('opd');
    expect(call.query.get('from')).toBe('2025-03-01');
    expect(call.query.get('to')).toBe('2025-03-31');
    expect((screen.getByLabelText('Entitas') as HTMLInputElement).value).toBe('opd');

    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan rincian' }));
    expect(await screen.findByText('Dinas Kominfo')).toBeTruthy();
    expect(screen.getByText('Dinas Komunikasi dan Informatika')).toBeTruthy();
    expect(screen.getByText('1 field berubah')).toBeTruthy();

    const csv = screen.getByRole('link', { name: /Ekspor CSV/ }).getAttribute('href')!;
    expect(csv).toContain('/api/audit/export?format=csv');
    expect(csv).toContain('entity=opd');
    expect(csv).toContain('from=2025-03-01');
  });

  it('[A6] "Verifikasi rantai" reports the first broken entry', async () => {
    installFakeApi({
      ...baseRoutes(),
      'GET /api/audit': () => page([entry]),
      'GET /api/audit/verify': () => ({ ok: false, entries: 12, firstBrokenId: 'e5' }),
    });
    renderApp('/audit');
    fireEvent.click(await screen.findByRole('button', { name: 'Verifikasi rantai' }));
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toContain('RUSAK mulai entri e5'));
  });
});
