import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allPermissions } from '@persada/shared';
import { baseRoutes, installFakeApi, makeMe, OPD_ID, OPD2_ID, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const REG_ID = '55555555-5555-4555-8555-555555555555';
const OBL_ID = '66666666-6666-4666-8666-666666666666';
const RISK_ID = '44444444-4444-4444-8444-444444444444';
const LEVELS = [
  { code: 'rendah', name: 'Rendah', color: '#16a34a', min: 1, max: 10 },
  { code: 'sedang', name: 'Sedang', color: '#eab308', min: 11, max: 15 },
  { code: 'sangat_tinggi', name: 'Sangat Tinggi', color: '#dc2626', min: 16, max: 25 },
];
const rating = (l: number, i: number) => {
  const score = l * i;
  const b = LEVELS.find((x) => score >= x.min && score <= x.max)!;
  return { likelihood: l, impact: i, score, level: b.code, levelName: b.name, color: b.color };
};
const HEATMAP = {
  basis: 'current',
  cells: [1, 2, 3, 4, 5].map((l) => [1, 2, 3, 4, 5].map((i) => ({ ...rating(l, i), count: l === 5 && i === 4 ? 3 : l === 2 && i === 2 ? 1 : 0 }))),
  byLevel: LEVELS.map((b) => ({ level: b.code, name: b.name, color: b.color, count: b.code === 'sangat_tinggi' ? 3 : b.code === 'rendah' ? 1 : 0 })),
  total: 4,
  top: [{ id: RISK_ID, code: 'R-2026-001', opdId: OPD_ID, opdName: 'Dinas Kesehatan', event: 'Data rekam medis terenkripsi ransomware', current: rating(5, 4) }],
  overdue: [{ id: '77777777-7777-4777-8777-777777777777', riskId: RISK_ID, riskCode: 'R-2026-001', riskEvent: 'Ransomware', action: 'Cadangan luring harian', endDate: '2026-03-31', opdName: 'Dinas Kesehatan' }],
};
const counts = { met: 6, due_soon: 1, partly: 2, missing: 1, total: 10, score: 65 };
const COMPLIANCE = {
  evaluatedAt: '2026-11-30T00:00:00.000Z',
  totals: counts,
  regulations: [{ regulation: { id: REG_ID, code: 'Permendagri 12/2019', title: 'Penyelenggaraan Urusan Persandian' }, status: 'partly', counts }],
  dueThisMonth: [
    { obligationId: OBL_ID, regulationId: REG_ID, regulationCode: 'Permendagri 12/2019', article: '12', text: 'Laporan monitoring dan evaluasi persandian', status: 'due_soon', dueOn: '2026-11-30', reason: { id: 'Laporan tahunan jatuh tempo', en: 'Annual report due' } },
  ],
  expiringAttestations: [],
};
const SUMMARY = { total: 12, byCategory: { strategis: 2, tinggi: 7, rendah: 1, uncategorized: 2 }, byStatus: { planned: 1, development: 2, operational: 9 }, outsideDataCentre: 3 };

const routes = (me = makeMe()) => ({
  ...baseRoutes(me),
  'GET /api/users': () => page([]),
  'GET /api/audit': () => page([]),
  'GET /api/compliance/dashboard': () => COMPLIANCE,
  'GET /api/risks/heatmap': () => HEATMAP,
  'GET /api/systems/summary': () => SUMMARY,
});

describe('home page: Keamanan Informasi', () => {
  it('[R-REG] [E1] [D12] shows compliance by regulation, what is due, the heat map with counts and systems by category; the OPD selector filters risks and systems', async () => {
    const api = installFakeApi(routes());
    renderApp('/');
    const section = within((await screen.findByRole('heading', { name: 'Keamanan Informasi' })).closest('section')!);
    // compliance percentage per regulation, linking to its compliance page
    expect((await section.findByTestId('compliance-score-Permendagri 12/2019')).textContent).toBe('65%');
    expect(section.getByRole('link', { name: 'Permendagri 12/2019' }).getAttribute('href')).toBe(`/kepatuhan/${REG_ID}`);
    expect(section.getByText('6 terpenuhi · 1 segera jatuh tempo · 2 sebagian · 1 belum')).toBeTruthy();
    // due this month
    expect(within(section.getByTestId('due-list')).getByText(/Laporan monitoring dan evaluasi persandian/)).toBeTruthy();
    // heat map: the count in its cell, in the level colour, linking to the filtered register
    const cell = await section.findByTestId('dash-cell-5-4');
    expect(cell.textContent).toBe('3');
    expect(cell.style.backgroundColor).toBe('rgb(220, 38, 38)');
    expect(cell.getAttribute('href')).toContain('likelihood=5');
    expect(cell.getAttribute('href')).toContain('impact=4');
    expect(section.getByText('Sangat Tinggi: 3')).toBeTruthy();
    expect(within(section.getByTestId('top-risks')).getByText('Data rekam medis terenkripsi ransomware')).toBeTruthy();
    expect(within(section.getByTestId('overdue-treatments')).getByText('R-2026-001 · Cadangan luring harian')).toBeTruthy();
    // systems by category
    expect((await section.findByTestId('systems-total')).textContent).toBe('12');
    expect(section.getByTestId('systems-tinggi').textContent).toBe('7');
    expect(section.getByTestId('systems-outside').textContent).toContain('3 aplikasi');
    // choosing an OPD re-asks risks and systems for that OPD
    const select = await section.findByLabelText('Perangkat daerah');
    await within(select as HTMLElement).findByRole('option', { name: 'Badan Kepegawaian Daerah' });
    fireEvent.change(select, { target: { value: OPD2_ID } });
    await waitFor(() => expect(api.callsTo('GET', '/api/risks/heatmap').some((c) => c.query.get('opdId') === OPD2_ID)).toBe(true));
    await waitFor(() => expect(api.callsTo('GET', '/api/systems/summary').some((c) => c.query.get('opdId') === OPD2_ID)).toBe(true));
  });

  it('[E1] [D12] a user without risks.read sees no heat map; an OPD-scoped user gets no OPD selector', async () => {
    const me = makeMe({
      roles: [{ code: 'operator_opd', name: 'Operator OPD', name_en: 'Agency operator', opdId: OPD_ID }],
      permissions: allPermissions.filter((p) => !p.startsWith('risks.')),
    });
    const api = installFakeApi(routes(me));
    renderApp('/');
    const section = within((await screen.findByRole('heading', { name: 'Keamanan Informasi' })).closest('section')!);
    expect((await section.findByTestId('systems-total')).textContent).toBe('12');
    expect(await section.findByTestId('compliance-score-Permendagri 12/2019')).toBeTruthy();
    expect(section.queryByTestId('dashboard-heatmap')).toBeNull();
    expect(section.queryByText(/Peta risiko/)).toBeNull();
    expect(section.queryByLabelText('Perangkat daerah')).toBeNull();
    expect(api.callsTo('GET', '/api/risks/heatmap')).toHaveLength(0);
    expect(api.callsTo('GET', '/api/systems/summary')[0].query.get('opdId')).toBeNull();
  });
});
