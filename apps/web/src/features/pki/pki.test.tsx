import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, makeMe, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const CERT_ID = '33333333-3333-4333-8333-333333333333';
const now = '2026-11-30T02:00:00.000Z';
const ca = (kind: string, cn: string) => ({ kind, subjectDn: `C=ID, O=Pemerintah Kota Contoh, CN=${cn}`, serialHex: '4a'.padEnd(32, '1'), keyAlgorithm: 'EC-P256', keyStore: 'software', notBefore: now, notAfter: '2036-11-30T02:00:00.000Z', sha256: 'ab'.repeat(32) });
const status = {
  initialised: true,
  issuer: 'embedded',
  cas: [ca('root', 'Persada Root CA Kota Contoh'), ca('issuing', 'Persada Issuing CA Kota Contoh'), ca('ocsp', 'Persada OCSP Responder'), ca('tsa', 'Persada Timestamp Authority')],
  urls: {
    caCert: 'http://x/pki/kota-contoh/root.crt', issuingCert: 'http://x/pki/kota-contoh/issuing.crt', crl: 'http://x/pki/kota-contoh/crl', ocsp: 'http://x/pki/kota-contoh/ocsp', tsa: 'http://x/pki/kota-contoh/tsa',
    rootPem: 'http://x/pki/kota-contoh/root.pem', issuingPem: 'http://x/pki/kota-contoh/issuing.pem', crlPem: 'http://x/pki/kota-contoh/crl.pem',
  },
  counts: { good: 1, revoked: 0 },
  crl: { crlNumber: 3, thisUpdate: now, nextUpdate: now, entries: 0 },
};
const cert = {
  id: CERT_ID, serialHex: '5b'.padEnd(32, '2'), profile: 'signing', subjectDn: 'C=ID, CN=Budi Santoso', commonName: 'Budi Santoso', email: 'budi@kotacontoh.go.id',
  keyAlgorithm: 'EC P-256', notBefore: now, notAfter: '2028-11-30T02:00:00.000Z', sha256: 'cd'.repeat(32), status: 'good', revokedAt: null, revocationReason: null, holderEntity: null, holderId: null, createdAt: now,
};
const me = () => makeMe({ permissions: ['pki.manage'] } as never);

describe('PKI page', () => {
  it('[K14] shows the CA hierarchy, publication links and the issued certificates', async () => {
    installFakeApi({ ...baseRoutes(me()), 'GET /api/pki/status': () => status, 'GET /api/pki/certificates': () => page([cert]) });
    renderApp('/pki');
    expect(await screen.findByText('Hierarki CA')).toBeTruthy();
    expect(screen.getByText(/CN=Persada Issuing CA Kota Contoh/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /CRL \(PEM\)/ }).getAttribute('href')).toBe('http://x/pki/kota-contoh/crl.pem');
    expect(await screen.findByText('Budi Santoso')).toBeTruthy();
    expect(within(screen.getByRole('table')).getByText('Berlaku')).toBeTruthy();
  });

  it('[K9] revokes only after a reason is chosen and the permanence is acknowledged', async () => {
    const api = installFakeApi({
      ...baseRoutes(me()),
      'GET /api/pki/status': () => status,
      'GET /api/pki/certificates': () => page([cert]),
      'POST /api/pki/certificates/:id/revoke': (r) => ({ body: { ...cert, status: 'revoked', revocationReason: r.body.reason } }),
    });
    renderApp('/pki');
    await screen.findByText('Budi Santoso', {}, { timeout: 5000 });
    fireEvent.click(screen.getByRole('button', { name: 'Cabut sertifikat Budi Santoso' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Cabut sertifikat Budi Santoso?')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Ya, cabut' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Alasan pencabutan'), { target: { value: 'affiliationChanged' } });
    fireEvent.click(within(dialog).getByLabelText(/tidak dapat dibatalkan/));
    fireEvent.click(confirm);
    await waitFor(() => expect(api.callsTo('POST', `/api/pki/certificates/${CERT_ID}/revoke`)).toHaveLength(1));
    expect(api.callsTo('POST', `/api/pki/certificates/${CERT_ID}/revoke`)[0].body).toEqual({ reason: 'affiliationChanged' });
    expect(await screen.findByText('Sertifikat dicabut.')).toBeTruthy();
  });

  it('[K14] offers to create the CA when it does not exist yet', async () => {
    const api = installFakeApi({ ...baseRoutes(me()), 'GET /api/pki/status': () => ({ ...status, initialised: false, cas: [], crl: null }), 'POST /api/pki/ca': () => status });
    renderApp('/pki');
    fireEvent.click(await screen.findByRole('button', { name: 'Buat CA Pemda' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/pki/ca')).toHaveLength(1));
  });
});
