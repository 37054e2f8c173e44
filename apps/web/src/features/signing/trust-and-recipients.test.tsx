import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { baseRoutes, installFakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const ROOT = {
  id: '77777777-7777-4777-8777-777777777777',
  subject: 'CN=Root CA Balai Sertifikasi Elektronik, O=BSSN, C=ID',
  issuer: 'CN=Root CA Balai Sertifikasi Elektronik, O=BSSN, C=ID',
  notBefore: '2024-01-01T00:00:00Z',
  notAfter: '2044-01-01T00:00:00Z',
  fingerprintSha256: 'ab'.repeat(32),
  selfSigned: true,
  expired: false,
  enabled: true,
  createdBy: '44444444-4444-4444-8444-444444444444',
  createdByName: 'Admin Persandian',
  createdAt: '2026-11-30T01:00:00Z',
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
};
const RINA = {
  certificateId: '88888888-8888-4888-8888-888888888888',
  userId: '99999999-9999-4999-8999-999999999999',
  name: 'Rina Kartika',
  nip: '198001012005012001',
  opdName: 'Dinas Komunikasi dan Informatika',
  email: 'rina@contoh.go.id',
  serial: '0a1b',
  notAfter: '2027-06-30T00:00:00Z',
  certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
};

describe('trusted roots and recipients', () => {
  it('[K15] lists the trusted roots with fingerprint and who added them; removing one asks for confirmation first', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/signing/trusted-roots': () => [ROOT],
      'DELETE /api/signing/trusted-roots/:id': () => ({ ok: true }),
    });
    renderApp('/akar-tepercaya');
    expect((await screen.findAllByText(ROOT.subject, undefined, { timeout: 5000 })).length).toBe(2); // subject and issuer of a self-signed root
    expect(screen.getByText(/^AB:AB:AB/)).toBeTruthy();
    expect(screen.getByText('Admin Persandian')).toBeTruthy();
    expect(screen.getByText('Dipercaya')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Hapus ${ROOT.subject}` }));
    expect(await screen.findByText('Hapus akar tepercaya?')).toBeTruthy();
    expect(api.callsTo('DELETE', `/api/signing/trusted-roots/${ROOT.id}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    await waitFor(() => expect(api.callsTo('DELETE', `/api/signing/trusted-roots/${ROOT.id}`)).toHaveLength(1));
  });

  it('[K4] the protect form picks recipients among holders of a valid encryption certificate', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/signing/recipients': () => [RINA],
    });
    renderApp('/perlindungan-dokumen');
    const option = await screen.findByRole('button', { name: 'Pilih Rina Kartika' }, { timeout: 5000 });
    expect(screen.getByText(/NIP 198001012005012001 · Dinas Komunikasi dan Informatika · berlaku s.d./)).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('Cari nama, NIP atau OPD'), { target: { value: 'kominfo' } });
    await waitFor(() => expect(api.callsTo('GET', '/api/signing/recipients').some((c) => c.query.get('q') === 'kominfo')).toBe(true));
    fireEvent.click(option);
    expect(await screen.findByRole('button', { name: 'Hapus Rina Kartika dari penerima' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pilih Rina Kartika' })).toBeNull();
  });
});
