import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { baseRoutes, installFakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const DOC = '33333333-3333-4333-8333-333333333333';
const sig = (over: Record<string, unknown> = {}) => ({
  index: 0,
  fieldName: 'TTE_1',
  signer: { name: 'Budi Santoso', subject: 'CN=Budi Santoso', serialHex: 'ab', issuer: 'CN=CA', notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' },
  claimedSigningTime: '2026-11-30T02:00:00Z',
  timestamp: { time: '2026-11-30T02:00:01Z', valid: true, tsa: 'TSA Kota Contoh' },
  integrity: true,
  certificateBinding: true,
  chain: { status: 'trusted', path: ['Budi Santoso', 'Issuing CA', 'Root CA'] },
  revocation: { atSigning: 'good', now: 'good', source: 'dss', revokedAt: null },
  coversUntilByte: 1000,
  modifiedAfter: false,
  laterRevisions: 0,
  verdict: 'valid',
  problems: [],
  ...over,
});
const request = {
  id: DOC,
  title: 'Nota Dinas Penetapan Pengelola Sertifikat',
  docNumber: '800/12/Diskominfo/2026',
  fileName: 'nota.pdf',
  status: 'in_progress',
  sha256: 'a'.repeat(64),
  size: 1000,
  createdBy: '44444444-4444-4444-8444-444444444444',
  createdByName: 'Admin',
  createdAt: '2026-11-30T01:00:00Z',
  completedAt: null,
  verifyUrl: `http://localhost/verifikasi/${DOC}`,
  myTurn: true,
  signers: [{ id: '55555555-5555-4555-8555-555555555555', seq: 1, userId: '66666666-6666-4666-8666-666666666666', displayName: 'Budi Santoso', nip: '198001012005011001', position: 'Kepala Dinas', status: 'pending', signedAt: null, certSerial: null, certSubject: null, isCurrent: true }],
};

describe('signing', () => {
  it('[K15] the public verifier explains a stored document in Indonesian, without login', async () => {
    installFakeApi({
      ...baseRoutes(),
      'GET /api/auth/me': () => ({ status: 401, problem: true, body: { title: 'Silakan masuk terlebih dahulu.', status: 401 } }),
      'GET /api/verify/documents/:id': () => ({ pages: 1, verdict: 'valid', sha256: 'b'.repeat(64), signatures: [sig()], document: { id: DOC, title: 'Nota Dinas', docNumber: '800/1', status: 'completed', tenantName: 'Kota Contoh', matchesStored: true } }),
    });
    renderApp(`/verifikasi/${DOC}`);
    expect(await screen.findByText(/Dokumen ASLI/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getAllByText(/Budi Santoso/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Terdaftar di Persada: Nota Dinas/)).toBeTruthy();
    expect(screen.getByText('Terpercaya', { exact: false })).toBeTruthy();
  });

  it('[K15] shows a document changed after signing as not valid', async () => {
    installFakeApi({
      ...baseRoutes(),
      'GET /api/verify/documents/:id': () => ({ pages: 1, verdict: 'invalid', sha256: 'c'.repeat(64), signatures: [sig({ modifiedAfter: true, verdict: 'invalid' })], document: null }),
    });
    renderApp(`/verifikasi/${DOC}`);
    expect(await screen.findByText(/TIDAK SAH/, undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/isi halaman berubah/)).toBeTruthy();
  });

  it('[K15] lists the documents waiting for my signature and opens the sign form that re-asks the password', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/signing/requests': () => ({ items: [request], total: 1, page: 1, pageSize: 20 }),
      'GET /api/signing/requests/:id': () => ({ status: 200, body: request }), // `status` would be read as the HTTP status
    });
    renderApp('/tanda-tangan');
    const link = await screen.findByRole('link', { name: 'Nota Dinas Penetapan Pengelola Sertifikat' }, { timeout: 5000 });
    expect(screen.getByText('Giliran Anda menandatangani')).toBeTruthy();
    expect(api.callsTo('GET', '/api/signing/requests')[0].query.get('box')).toBe('todo');
    fireEvent.click(link);
    expect(await screen.findByText('Tandatangani dokumen ini', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByLabelText('Masukkan ulang kata sandi Anda')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/Belum ada kunci penandatanganan/)).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Tandatangani' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
