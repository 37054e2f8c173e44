import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, makeMe, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

// the fake API treats a returned object with a `status` field as a response envelope, so bodies are wrapped
const REG = '33333333-3333-4333-8333-333333333333';
const OBL = '44444444-4444-4444-8444-444444444444';
const ART = '55555555-5555-4555-8555-555555555555';

const summary = {
  id: REG, code: 'MDN-30', kind: 'perwal', issuer: 'Wali Kota Madiun', region: 'Kota Madiun', number: '30', year: 2019,
  title: 'Penggunaan Sertifikat Elektronik di Lingkungan Pemerintah Kota Madiun', status: 'berlaku', version: 1, effectiveDate: '2019-07-31',
  shared: true, bound: true, articleCount: 28, obligationCount: 22, updatedAt: '2026-11-01T00:00:00.000Z',
};
const obligation = { id: OBL, articleId: ART, article: '7', ref: 'ayat (3)', text: 'Setiap ASN wajib memiliki Sertifikat Elektronik.', bearer: 'every_asn', frequency: 'continuous', requirements: ['K4'], evidenceKey: null };
const detail = {
  ...summary, considerations: [], legalBasis: [], generalObligations: [], versions: [{ id: REG, version: 1, status: 'berlaku', effectiveDate: '2019-07-31' }],
  articles: [{ id: ART, number: '7', chapter: 'BAB III TATA KELOLA', section: null, heading: null, clauses: [{ id: 'c1', ayat: '3', huruf: null, angka: null, text: 'Setiap Aparatur Sipil Negara wajib memiliki Sertifikat Elektronik.' }], obligations: [obligation] }],
};
const compliance = (status: 'met' | 'missing') => ({
  regulation: summary, status, evaluatedAt: '2026-11-30T00:00:00.000Z',
  counts: { met: status === 'met' ? 1 : 0, due_soon: 0, partly: 0, missing: status === 'met' ? 0 : 1, total: 1, score: status === 'met' ? 100 : 0 },
  articles: [{ id: ART, number: '7', chapter: 'BAB III', status, counts: { met: 0, due_soon: 0, partly: 0, missing: 1, total: 1, score: 0 }, obligations: [{ ...obligation, status, source: status === 'met' ? 'attestation' : 'none', detail: { id: status === 'met' ? 'Dinyatakan terpenuhi.' : 'Belum ada bukti.', en: '-' }, records: [], checkRegistered: false, validUntil: null, attestations: [] }] }],
});

describe('regulations', () => {
  it('[R-REG] [K4] shows a regulation article by article and attests an obligation', async () => {
    let state: 'met' | 'missing' = 'missing';
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/regulations/:id': () => ({ status: 200, body: detail }),
      'GET /api/compliance/regulations/:id': () => ({ status: 200, body: compliance(state) }),
      'POST /api/compliance/attestations': (r) => {
        state = 'met';
        return { status: 200, body: { id: 'a1', obligationId: r.body.obligationId, statement: r.body.statement, effectiveDate: r.body.effectiveDate, expiresOn: r.body.expiresOn, files: [], attestedBy: 'Admin', createdAt: '', revokedAt: null, status: 'valid' } };
      },
    });
    renderApp(`/regulasi/${REG}`);
    const article = await screen.findByRole('article', { name: 'Pasal 7' }, { timeout: 8000 });
    expect(within(article).getByText(/Setiap Aparatur Sipil Negara wajib memiliki/)).toBeTruthy();
    expect(await within(article).findByText('Belum terpenuhi')).toBeTruthy();
    fireEvent.click(within(article).getByRole('button', { name: 'Nyatakan terpenuhi' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Pernyataan'), { target: { value: 'Seluruh ASN telah memiliki sertifikat.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan pernyataan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/compliance/attestations')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/compliance/attestations')[0].body).toMatchObject({ obligationId: OBL, statement: 'Seluruh ASN telah memiliki sertifikat.', fileIds: [] });
    expect(await within(article).findByText('Terpenuhi')).toBeTruthy();
  });

  it('[R-REG] refuses an expiry before the effective date with an Indonesian message', async () => {
    installFakeApi({ ...baseRoutes(), 'GET /api/regulations/:id': () => ({ status: 200, body: detail }), 'GET /api/compliance/regulations/:id': () => ({ status: 200, body: compliance('missing') }) });
    renderApp(`/regulasi/${REG}`);
    const article = await screen.findByRole('article', { name: 'Pasal 7' }, { timeout: 8000 });
    fireEvent.click(await within(article).findByRole('button', { name: 'Nyatakan terpenuhi' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Pernyataan'), { target: { value: 'Pernyataan yang cukup panjang.' } });
    fireEvent.change(within(dialog).getByLabelText('Berlaku sampai'), { target: { value: '2000-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan pernyataan' }));
    expect(await within(dialog).findByText('Tanggal kedaluwarsa harus setelah tanggal berlaku.')).toBeTruthy();
  });

  it('[R-REG] lists the library and shows the compliance dashboard sections', async () => {
    installFakeApi({
      ...baseRoutes(makeMe()),
      'GET /api/regulations': () => page([summary]),
      'GET /api/compliance/dashboard': () => ({
        evaluatedAt: '', totals: { met: 3, due_soon: 1, partly: 0, missing: 2, total: 6, score: 67 },
        regulations: [{ regulation: summary, status: 'partly', counts: { met: 3, due_soon: 1, partly: 0, missing: 2, total: 6, score: 67 } }],
        dueThisMonth: [{ obligationId: OBL, regulationId: REG, regulationCode: 'MDN-30', article: '23', text: 'Evaluasi tahunan.', status: 'due_soon', dueOn: '2026-12-20', reason: { id: 'Pernyataan pemenuhan akan kedaluwarsa pada 20/12/2026.', en: '-' } }],
        expiringAttestations: [],
      }),
    });
    renderApp('/regulasi');
    expect(await screen.findByRole('link', { name: /Perwal 30\/2019/ }, { timeout: 8000 })).toBeTruthy();
    renderApp('/kepatuhan');
    expect(await screen.findByText('Pernyataan pemenuhan akan kedaluwarsa pada 20/12/2026.', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByTestId('total-score').textContent).toBe('67%');
    expect(screen.getAllByRole('link', { name: 'MDN-30' }).length).toBeGreaterThan(0);
  });
});

describe('binding', () => {
  it('[R-REG] binds an unbound regulation from its page and unbinds only after confirmation', async () => {
    let bound = false;
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/regulations/:id': () => ({ status: 200, body: { ...detail, bound } }),
      'GET /api/compliance/regulations/:id': () => ({ status: 200, body: compliance('missing') }),
      'PUT /api/regulations/:id/binding': (r) => {
        bound = r.body.bound;
        return { status: 200, body: { ...detail, bound } };
      },
    });
    renderApp(`/regulasi/${REG}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Ikat ke Pemda' }, { timeout: 8000 }));
    await waitFor(() => expect(api.callsTo('PUT', `/api/regulations/${REG}/binding`)[0]?.body).toEqual({ bound: true }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lepas ikatan' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(within(confirm).getByText('Lepas ikatan MDN-30?')).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('PUT', `/api/regulations/${REG}/binding`)).toHaveLength(1);
  });
});
