import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, OPD_ID, page, problem } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const CTX_ID = '33333333-3333-4333-8333-333333333333';
const RISK_ID = '44444444-4444-4444-8444-444444444444';
const MATRIX = [
  [1, 3, 5, 8, 20],
  [2, 7, 11, 13, 21],
  [4, 10, 14, 17, 22],
  [6, 12, 16, 19, 24],
  [9, 15, 18, 23, 25],
];
const LEVELS = [
  { code: 'sangat_rendah', name: 'Sangat Rendah', nameEn: 'Very low', min: 1, max: 5, color: '#2563eb', colorName: 'Biru' },
  { code: 'rendah', name: 'Rendah', nameEn: 'Low', min: 6, max: 10, color: '#16a34a', colorName: 'Hijau' },
  { code: 'sedang', name: 'Sedang', nameEn: 'Medium', min: 11, max: 15, color: '#eab308', colorName: 'Kuning' },
  { code: 'tinggi', name: 'Tinggi', nameEn: 'High', min: 16, max: 20, color: '#f97316', colorName: 'Jingga' },
  { code: 'sangat_tinggi', name: 'Sangat Tinggi', nameEn: 'Very high', min: 21, max: 25, color: '#dc2626', colorName: 'Merah' },
];
const names = ['Hampir Tidak Terjadi', 'Jarang Terjadi', 'Kadang-Kadang Terjadi', 'Sering Terjadi', 'Hampir Pasti Terjadi'];
const SETTINGS = {
  matrix: MATRIX,
  levels: LEVELS,
  likelihood: names.map((name, k) => ({ level: k + 1, name, criteria: '' })),
  impact: ['Tidak Signifikan', 'Kurang Signifikan', 'Cukup Signifikan', 'Signifikan', 'Sangat Signifikan'].map((name, k) => ({ level: k + 1, name, criteria: '' })),
  categories: [{ code: 'keamanan', name: 'Keamanan SPBE', kind: 'both' }],
  areas: [{ code: 'layanan', name: 'Layanan Organisasi' }],
  impactCriteria: [],
  defaultAppetite: 10,
};
const rating = (l: number, i: number) => {
  const score = MATRIX[l - 1][i - 1];
  const b = LEVELS.find((x) => score >= x.min && score <= x.max)!;
  return { likelihood: l, impact: i, score, level: b.code, levelName: b.name, color: b.color };
};
const CONTEXT = {
  id: CTX_ID, opdId: OPD_ID, opdName: 'Dinas Kesehatan', year: 2026, tasks: null, objectives: null, scope: null, stakeholders: null, regulations: null,
  ownerPersonId: null, ownerName: null, ownerPosition: 'Kepala Dinas Kesehatan', appetiteDefault: 10, appetite: {}, riskCount: 1, updatedAt: '2026-01-01T00:00:00.000Z',
};
const RISK = {
  id: RISK_ID, code: 'R-2026-001', contextId: CTX_ID, opdId: OPD_ID, opdName: 'Dinas Kesehatan', year: 2026, kind: 'negative', objective: null,
  assetName: 'Server SIMPUS', applicationId: null, applicationName: null, threat: 'Ransomware', vulnerability: null, event: 'Data rekam medis terenkripsi ransomware',
  cause: null, impact: null, category: 'keamanan', categoryName: 'Keamanan SPBE', area: 'layanan', areaName: 'Layanan Organisasi', existingControls: null,
  inherent: rating(5, 4), current: rating(5, 4), residual: null, priority: 1, appetite: 10, needsTreatmentAuto: true, needsTreatmentOverride: null, overrideReason: null,
  needsTreatment: true, approvalStatus: 'belum', approvalReason: null, approvedByName: null, approvedAt: null, treatmentCount: 0, deletedAt: null, updatedAt: '2026-01-01T00:00:00.000Z',
};
const DETAIL = { ...RISK, treatments: [], monitorings: [], canApprove: true, canManage: true };

const routes = () => ({
  ...baseRoutes(),
  'GET /api/risk-settings': () => SETTINGS,
  'GET /api/risk-contexts': () => page([CONTEXT]),
  'GET /api/risks': () => page([RISK]),
  'GET /api/risks/:id': () => DETAIL,
});

describe('risks', () => {
  it('[E1] shows the live score 23 "Sangat Tinggi" for likelihood 5 × impact 4 and records the risk', async () => {
    const api = installFakeApi({ ...routes(), 'POST /api/risks': () => DETAIL });
    renderApp('/risiko');
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah risiko' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'Dinas Kesehatan — 2026' });
    fireEvent.change(within(dialog).getByLabelText(/Konteks/), { target: { value: CTX_ID } });
    fireEvent.change(within(dialog).getByLabelText(/Aset \/ sistem/), { target: { value: 'Server SIMPUS' } });
    fireEvent.change(within(dialog).getByLabelText(/Kejadian risiko/), { target: { value: 'Data rekam medis terenkripsi ransomware' } });
    fireEvent.change(within(dialog).getByLabelText(/Kategori risiko/), { target: { value: 'keamanan' } });
    fireEvent.change(within(dialog).getByLabelText(/Area dampak/), { target: { value: 'layanan' } });
    const inherent = within(dialog).getByRole('group', { name: 'Risiko inheren' });
    fireEvent.change(within(inherent).getByLabelText(/Kemungkinan/), { target: { value: '5' } });
    fireEvent.change(within(inherent).getByLabelText(/Dampak/), { target: { value: '4' } });
    const live = await within(dialog).findByTestId('live-inherent');
    await waitFor(() => expect(live.textContent).toContain('23'));
    expect(live.textContent).toContain('Sangat Tinggi');
    expect((within(live).getByTestId('level-badge') as HTMLElement).style.backgroundColor).toBe('rgb(220, 38, 38)');
    // current defaults to the inherent rating
    expect(within(dialog).getByTestId('live-current').textContent).toContain('23');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/risks')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/risks')[0].body).toMatchObject({ contextId: CTX_ID, inherentL: 5, inherentI: 4, currentL: null, needsTreatmentOverride: null, category: 'keamanan' });
  }, 45_000); // the large form renders slowly on the shared CI machine

  it('[E1] the heat map shows counts per cell and each cell opens the filtered register', async () => {
    const cells = [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => ({ ...rating(l, i), count: l === 5 && i === 4 ? 1 : 0 })));
    installFakeApi({
      // before ...routes(): the fake API would otherwise match "heatmap" as a risk id
      'GET /api/risks/heatmap': () => ({ basis: 'current', cells, byLevel: LEVELS.map((b) => ({ level: b.code, name: b.name, color: b.color, count: b.code === 'sangat_tinggi' ? 1 : 0 })), total: 1, top: [RISK], overdue: [] }),
      ...routes(),
    });
    renderApp('/risiko/peta');
    const cell = await screen.findByTestId('cell-5-4');
    expect(cell.textContent).toBe('231');
    expect(cell.getAttribute('href')).toContain('likelihood=5');
    expect(cell.getAttribute('href')).toContain('impact=4');
    expect(screen.getByText('Sangat Tinggi: 1')).toBeTruthy();
    expect(screen.getByText('Tidak ada penanganan yang terlambat.')).toBeTruthy();
  });

  it('[E1] "Tidak Setuju" without a reason shows the server\'s message on the reason field', async () => {
    const api = installFakeApi({
      ...routes(),
      'POST /api/risks/:id/approval': () =>
        problem(400, 'Data yang dikirim tidak valid.', 'reason', [{ field: 'reason', message: 'Alasan wajib diisi bila tidak disetujui.', message_en: 'A reason is required when not approved.' }]),
    });
    renderApp(`/risiko/${RISK_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Persetujuan pemilik risiko' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Keputusan'), { target: { value: 'tidak_setuju' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan keputusan' }));
    expect(await within(dialog).findByText('Alasan wajib diisi bila tidak disetujui.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/risks/${RISK_ID}/approval`)[0].body).toEqual({ status: 'tidak_setuju', reason: null });
  });

  it('[E1] copies a context to the next period after choosing the year', async () => {
    const api = installFakeApi({ ...routes(), 'POST /api/risk-contexts/:id/clone': (r) => ({ ...CONTEXT, id: 'new', year: r.body.year }) });
    renderApp('/risiko/konteks');
    fireEvent.click(await screen.findByRole('button', { name: 'Salin konteks Dinas Kesehatan 2026 ke periode baru' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('Tahun tujuan') as HTMLInputElement).value).toBe('2027');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Salin' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/risk-contexts/${CTX_ID}/clone`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/risk-contexts/${CTX_ID}/clone`)[0].body).toEqual({ year: 2027 });
    expect(await screen.findByText('Disalin ke tahun 2027 (1 risiko).')).toBeTruthy();
  });

  it('[E1] edits a matrix cell in the settings and saves the whole configuration', async () => {
    const api = installFakeApi({ ...routes(), 'PUT /api/risk-settings': (r) => r.body });
    renderApp('/risiko/pengaturan');
    const cell = await screen.findByLabelText('Besaran untuk kemungkinan 5 dan dampak 4');
    expect((cell as HTMLInputElement).value).toBe('23');
    fireEvent.change(cell, { target: { value: '19' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/risk-settings')).toHaveLength(1));
    const body = api.callsTo('PUT', '/api/risk-settings')[0].body;
    expect(body.matrix[4][3]).toBe(19);
    expect(body.levels).toHaveLength(5);
    expect(await screen.findByText('Pengaturan risiko disimpan.')).toBeTruthy();
  });
});
