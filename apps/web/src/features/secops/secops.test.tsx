import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allPermissions } from '@persada/shared';
import { baseRoutes, installFakeApi, makeMe, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const FINDING_ID = '11111111-2222-4333-8444-777777777777';
const ACT_ID = '11111111-2222-4333-8444-888888888888';
const fn = (f: string, lastDate: string | null) => ({ function: f, lastDate, gap: !lastDate });
const overview = {
  asOf: '2026-11-30',
  since: '2025-11-30',
  rows: [
    { targetKind: 'area', targetId: 'pusat_data', label: 'Pusat data', opdName: null, category: null, functions: ['identifikasi', 'deteksi', 'proteksi', 'penanggulangan', 'pemulihan'].map((f) => fn(f, f === 'pemulihan' ? '2026-06-01' : null)), openFindings: 0, overdueFindings: 0, gaps: 4 },
    { targetKind: 'application', targetId: ACT_ID, label: 'SIMPEG', opdName: 'BKPSDM', category: 'strategis', functions: ['identifikasi', 'deteksi', 'proteksi', 'penanggulangan', 'pemulihan'].map((f) => fn(f, '2026-10-01')), openFindings: 2, overdueFindings: 1, gaps: 0 },
  ],
};
const finding = (over: Record<string, unknown> = {}) => ({
  id: FINDING_ID,
  activityId: ACT_ID,
  title: 'SQL injection pada pencarian pegawai',
  description: '',
  severity: 'kritis',
  ownerPersonId: null,
  ownerName: null,
  ownerText: 'Tim SIMPEG',
  dueDate: '2026-11-20',
  status: 'terbuka',
  fixedOn: null,
  verifiedOn: null,
  acceptedOn: null,
  acceptedReason: null,
  statusNote: null,
  overdue: true,
  targetLabel: 'SIMPEG',
  activityFunction: 'identifikasi',
  activityKind: 'vulnerability_assessment',
  performedOn: '2026-10-01',
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  ...over,
});

describe('secops', () => {
  it('[D13] the overview marks functions without activity in 12 months and shows overdue findings', async () => {
    installFakeApi({ ...baseRoutes(), 'GET /api/secops/overview': () => overview });
    renderApp('/operasi-keamanan');
    const table = await screen.findByRole('table', { name: /Operasi Keamanan/ });
    const area = (await within(table).findByText('Pusat data', {}, { timeout: 5000 })).closest('tr')!;
    const cells = within(area).getAllByRole('cell');
    expect(cells[1].getAttribute('title')).toBe('Belum ada dalam 12 bulan');
    expect(cells[5].textContent).toBe('01/06/2026');
    expect(cells[5].getAttribute('title')).toBeNull();
    const app = within(table).getByText('SIMPEG').closest('tr')!;
    expect(within(app).getByText('1 terlambat')).toBeTruthy();
    expect(within(app).getByText(/Strategis/)).toBeTruthy();
  });

  it('[D13] marks a finding fixed only after confirmation', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/secops/findings': () => page([finding()]),
      'POST /api/secops/findings/:id/status': (r) => finding({ status: r.body.status, overdue: false }),
    });
    renderApp('/operasi-keamanan/temuan');
    const row = (await screen.findByText('SQL injection pada pencarian pegawai', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Terlambat')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ekspor Excel' }).getAttribute('href')).toBe('/api/secops/findings/export?format=xlsx');
    fireEvent.click(within(row).getByRole('button', { name: 'Tandai diperbaiki' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('POST', `/api/secops/findings/${FINDING_ID}/status`)).toHaveLength(0);
    fireEvent.click(within(row).getByRole('button', { name: 'Tandai diperbaiki' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Tandai diperbaiki' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/secops/findings/${FINDING_ID}/status`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/secops/findings/${FINDING_ID}/status`)[0].body).toEqual({ status: 'diperbaiki' });
  });

  it('[D13] a reader without secops.manage sees the findings but no status buttons', async () => {
    const me = makeMe({ permissions: allPermissions.filter((p) => p !== 'secops.manage') });
    installFakeApi({ ...baseRoutes(me), 'GET /api/secops/findings': () => page([finding()]) });
    renderApp('/operasi-keamanan/temuan');
    const row = (await screen.findByText('SQL injection pada pencarian pegawai', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(row).queryByRole('button', { name: 'Tandai diperbaiki' })).toBeNull();
  });
});
