import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allPermissions } from '@persada/shared';
import { baseRoutes, installFakeApi, makeMe, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const POLICY_ID = '11111111-2222-4333-8444-555555555555';
const SOP_ID = '66666666-2222-4333-8444-555555555555';
const policy = (over: Record<string, unknown> = {}) => ({
  id: POLICY_ID,
  kind: 'technical_policy',
  title: 'Kebijakan Kata Sandi',
  number: null,
  legalForm: 'Surat Edaran Sekretaris Daerah',
  scopes: ['applications'],
  scopeText: null,
  legalBasis: [],
  elements: [],
  assurances: [],
  effectiveDate: null,
  fileId: null,
  notes: null,
  status: 'draft',
  version: 1,
  supersedesId: null,
  supersededById: null,
  approvedAt: null,
  approvedBy: null,
  deletedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});
const sop = {
  id: SOP_ID,
  number: 'PS.01/SOP/KOMINFO',
  title: 'Pengiriman Naskah Dinas Dikecualikan (Bersandi)',
  unitName: 'Seksi Persandian',
  madeDate: '2019-06-20',
  revisedDate: null,
  revision: 0,
  effectiveDate: '2019-06-20',
  approverPosition: 'Kepala Dinas Komunikasi dan Informatika',
  approverPersonId: null,
  approverName: 'Ir. Rahmat Hidayat',
  approverNip: null,
  purpose: null,
  scope: null,
  legalBasis: ['Peraturan Kepala Lembaga Sandi Negara Nomor 7 Tahun 2017'],
  qualifications: ['Mampu menerjemahkan kriptogram (pesan sandi)'],
  relatedSops: [],
  equipment: ['Jaringan Internet'],
  warnings: [],
  records: [],
  actors: ['Pejabat Setingkat Eselon II ke Atas', 'Sandiman'],
  steps: [
    { activity: 'Mengajukan permohonan kepada Sandiman', actor: 0, inputs: 'Surat permohonan', minutes: 5, output: 'Surat permohonan telah diajukan', notes: '' },
    { activity: 'Memberi kode sandi terhadap konsep berita', actor: 1, inputs: 'Perangkat sandi', minutes: 10, output: 'Surat bersandi (kriptogram)', notes: '' },
  ],
  totalMinutes: 15,
  deletedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('governance', () => {
  it('[B4] moves a draft policy to review only after confirmation, and hides approval without governance.approve', async () => {
    const me = makeMe({ permissions: allPermissions.filter((p) => p !== 'governance.approve') });
    const api = installFakeApi({
      ...baseRoutes(me),
      'GET /api/governance/policies': () => [policy()],
      'POST /api/governance/policies/:id/transition': (r) => policy({ status: r.body.to }),
    });
    renderApp('/tata-kelola/kebijakan');
    const row = (await screen.findByText('Kebijakan Kata Sandi')).closest('tr')!;
    expect(within(row).queryByRole('button', { name: 'Setujui' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Ajukan telaah' }));
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/diajukan untuk ditelaah/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('POST', `/api/governance/policies/${POLICY_ID}/transition`)).toHaveLength(0);
    fireEvent.click(within(row).getByRole('button', { name: 'Ajukan telaah' }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ajukan telaah' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/governance/policies/${POLICY_ID}/transition`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/governance/policies/${POLICY_ID}/transition`)[0].body).toMatchObject({ to: 'review' });
  });

  it('[B8] shows the SOP flow table with one column per actor and saves an edited step', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/governance/sops/:id': () => sop,
      'PUT /api/governance/sops/:id': (r) => ({ ...sop, ...r.body }),
      'GET /api/people': () => page([]),
    });
    renderApp(`/tata-kelola/sop/${SOP_ID}`);
    const table = await screen.findByRole('table', { name: 'Uraian prosedur' });
    expect(within(table).getByRole('columnheader', { name: 'Sandiman' })).toBeTruthy();
    expect(within(table).getByText('Memberi kode sandi terhadap konsep berita')).toBeTruthy();
    expect(within(table).getByText('10 menit')).toBeTruthy();
    expect(screen.getByText('Jumlah waktu baku: 15 menit')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href')).toBe(`/api/governance/sops/${SOP_ID}/document?format=pdf`);

    fireEvent.click(screen.getByRole('button', { name: 'Ubah' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah langkah' }));
    fireEvent.change(screen.getByLabelText('Kegiatan 3'), { target: { value: 'Menginput data surat pada SI APEL' } });
    fireEvent.click(screen.getByLabelText('Sandiman 3'));
    fireEvent.change(screen.getByLabelText('Waktu 3'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('PUT', `/api/governance/sops/${SOP_ID}`)).toHaveLength(1));
    expect(api.callsTo('PUT', `/api/governance/sops/${SOP_ID}`)[0].body.steps[2]).toEqual({
      activity: 'Menginput data surat pada SI APEL',
      actor: 1,
      inputs: '',
      minutes: 5,
      output: '',
      notes: '',
    });
  });
});
