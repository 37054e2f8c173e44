import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, OPD_ID, page, problem } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const APP_ID = '33333333-3333-4333-8333-333333333333';
const simrs = {
  id: APP_ID,
  opdId: OPD_ID,
  opdName: 'Dinas Komunikasi dan Informatika',
  name: 'SIMRS',
  kind: 'khusus',
  purpose: 'Rumah sakit',
  usersInternal: true,
  usersPublic: true,
  dataClassification: 'rahasia',
  ssoIntegrated: false,
  certificate: null,
  hostedInDataCentre: false,
  hostingNote: 'Server vendor',
  url: 'https://simrs.contohkab.go.id',
  interoperability: null,
  status: 'operational',
  category: null,
  score: null,
  techDocsComplete: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
};

describe('electronic systems (Sistem & Risiko)', () => {
  it('[D4] registers an application from the list and warns when it is hosted outside the data centre', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/systems/applications': () => page([simrs]),
      'POST /api/systems/applications': (r) => ({ status: 200, body: { ...simrs, ...r.body, id: 'new' } }),
    });
    renderApp('/sistem/aplikasi');
    expect(await screen.findByRole('link', { name: 'SIMRS' }, { timeout: 15000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan Aplikasi' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'Dinas Komunikasi dan Informatika' });
    fireEvent.change(within(dialog).getByLabelText('Nama'), { target: { value: 'e-Puskesmas' } });
    fireEvent.change(within(dialog).getByLabelText('OPD pemilik'), { target: { value: OPD_ID } });
    fireEvent.click(within(dialog).getByLabelText('Di pusat data Pemda'));
    expect(await within(dialog).findByText(/wajib ditempatkan di pusat data Pemda/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/systems/applications')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/systems/applications')[0].body).toMatchObject({
      name: 'e-Puskesmas',
      opdId: OPD_ID,
      kind: 'khusus',
      status: 'planned',
      hostedInDataCentre: false,
      certificate: null,
    });
    expect(await screen.findByText('Data berhasil ditambahkan.')).toBeTruthy();
  });

  it('[D12] categorizes an application: ten answers give the score and the category', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/systems/applications/:id': () => ({ status: 200, body: simrs }),
      'GET /api/systems/applications/:id/categorizations': () => [],
      'GET /api/systems/applications/:id/tech-docs': () => ({ applicationId: APP_ID, items: [], completeness: 0 }),
      'POST /api/systems/applications/:id/categorizations': (r) => ({
        id: 'c1', applicationId: APP_ID, answers: r.body.answers, score: 35, category: 'strategis', assessedOn: '2026-03-01', assessorLabel: 'Admin', note: null, createdAt: '2026-03-01T00:00:00.000Z',
      }),
    });
    renderApp(`/sistem/aplikasi/${APP_ID}`);
    expect(await screen.findByRole('heading', { name: 'SIMRS' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Aplikasi ini tercatat sebagai pengecualian/)).toBeTruthy();
    const tab = screen.getByRole('tab', { name: 'Kategorisasi' });
    fireEvent.mouseDown(tab);
    fireEvent.click(tab);
    const submit = await screen.findByRole('button', { name: 'Simpan Kategorisasi' });
    fireEvent.click(submit);
    expect(await screen.findByText('Jawab kesepuluh pertanyaan terlebih dahulu.')).toBeTruthy();
    // 5 × A and 5 × B = 35 → Strategis (the lower bound)
    for (let i = 0; i < 10; i++) fireEvent.click(document.getElementById(`q${i}-${i < 5 ? 'A' : 'B'}`)!);
    expect(screen.getByText('Skor 35 →')).toBeTruthy();
    expect(screen.getAllByText('Strategis').length).toBeGreaterThan(0);
    fireEvent.click(submit);
    await waitFor(() => expect(api.callsTo('POST', `/api/systems/applications/${APP_ID}/categorizations`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/systems/applications/${APP_ID}/categorizations`)[0].body.answers).toEqual(['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B']);
    expect(await screen.findByText('Kategorisasi tersimpan: Strategis.')).toBeTruthy();
  });

  it('[D2] shows the Indonesian duplicate-IP error on the address field', async () => {
    installFakeApi({
      ...baseRoutes(),
      'GET /api/systems/ip-addresses': () => page([]),
      'GET /api/systems/devices': () => page([]),
      'GET /api/systems/application-options': () => [],
      'POST /api/systems/ip-addresses': () =>
        problem(409, 'Alamat IP ini sudah dialokasikan.', 'Alamat IP ini sudah dialokasikan.', [{ field: 'address', message: 'Alamat IP ini sudah dialokasikan.', message_en: 'This IP address is already assigned.' }]),
    });
    renderApp('/sistem/ip');
    fireEvent.click(await screen.findByRole('button', { name: 'Alokasikan IP' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: 'Dinas Komunikasi dan Informatika' });
    fireEvent.change(within(dialog).getByLabelText('Alamat IP'), { target: { value: '10.10.1.5' } });
    fireEvent.change(within(dialog).getByLabelText('OPD pemilik'), { target: { value: OPD_ID } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText('Alamat IP ini sudah dialokasikan.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Alamat IP').getAttribute('aria-invalid')).toBe('true');
  });
});
