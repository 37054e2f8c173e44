import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, makeMe, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const OP = '12121212-1212-4121-8121-121212121212';
const RINA = '13131313-1313-4131-8131-131313131313';
const DEDI = '14141414-1414-4141-8141-141414141414';
const AGR = '15151515-1515-4151-8151-151515151515';
const operator = (over: Record<string, unknown> = {}) => ({
  id: OP,
  userId: RINA,
  userName: 'Rina Marlina',
  decreeNumber: '800/045/DISKOMINFO/2025',
  decreeDate: '2025-02-03',
  active: true,
  raCertSerial: null,
  raCertSubject: null,
  raCertNotAfter: null,
  raCertSource: null,
  raCertValid: false,
  createdAt: '2025-02-03T00:00:00.000Z',
  ...over,
});
const agreement = {
  id: AGR,
  provider: 'Balai Sertifikasi Elektronik (BSrE) – BSSN',
  agreementNumber: 'B/215/BSrE/PKS.01.00/2025',
  signedOn: '2025-03-14',
  validUntil: '2028-03-13',
  notes: null,
  fileName: 'pks-bsre.pdf',
  createdAt: '2025-03-14T00:00:00.000Z',
};

describe('RA administration (K1, K11)', () => {
  it('[K11] the Dinas appoints an operator with decree number and date, and ends an appointment after confirming', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/certificates/ra-operators': () => [operator()],
      'GET /api/certificates/provider-agreements': () => [agreement],
      'GET /api/users': () =>
        page([
          { id: RINA, email: 'rina.marlina@contohkab.go.id', displayName: 'Rina Marlina' },
          { id: DEDI, email: 'dedi.kurniawan@contohkab.go.id', displayName: 'Dedi Kurniawan' },
        ]),
      'POST /api/certificates/ra-operators': (req) => operator({ id: '16161616-1616-4161-8161-161616161616', userId: req.body.userId, userName: 'Dedi Kurniawan' }),
      'POST /api/certificates/ra-operators/:id/end': () => operator({ active: false }),
    });
    renderApp('/sertifikat/pengelola-ra');
    const row = (await screen.findByText('800/045/DISKOMINFO/2025', undefined, { timeout: 5000 })).closest('tr')!;
    expect(within(row).getByText('Rina Marlina')).toBeTruthy();
    // the agreement and its signed document
    expect(screen.getByText('B/215/BSrE/PKS.01.00/2025')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'pks-bsre.pdf' }).getAttribute('href')).toBe(`/api/certificates/provider-agreements/${AGR}/file`);

    fireEvent.click(screen.getByRole('button', { name: 'Tunjuk Pengelola' }));
    const dialog = await screen.findByRole('dialog');
    // an operator already appointed is not offered again
    await waitFor(() => expect(within(dialog).getByRole('option', { name: /Dedi Kurniawan/ })).toBeTruthy());
    expect(within(dialog).queryByRole('option', { name: /Rina Marlina/ })).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Pengguna *'), { target: { value: DEDI } });
    fireEvent.change(within(dialog).getByLabelText('Nomor SK *'), { target: { value: '800/050/DISKOMINFO/2026' } });
    fireEvent.change(within(dialog).getByLabelText('Tanggal SK *'), { target: { value: '2026-11-02' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tunjuk Pengelola' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/certificates/ra-operators')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/certificates/ra-operators')[0].body).toEqual({ userId: DEDI, decreeNumber: '800/050/DISKOMINFO/2026', decreeDate: '2026-11-02' });

    fireEvent.click(within(row).getByRole('button', { name: 'Akhiri Penunjukan' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(within(confirm).getByText(/Rina Marlina \(SK 800\/045\/DISKOMINFO\/2025\) tidak lagi dapat/)).toBeTruthy();
    expect(api.callsTo('POST', `/api/certificates/ra-operators/${OP}/end`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Akhiri Penunjukan' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/certificates/ra-operators/${OP}/end`)).toHaveLength(1));
  });

  it('[K1] refuses an agreement whose validity ends before it was signed, and saves a correct one', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/certificates/ra-operators': () => [],
      'GET /api/certificates/provider-agreements': () => [],
      'POST /api/certificates/provider-agreements': (req) => ({ ...agreement, ...req.body, fileName: null }),
    });
    renderApp('/sertifikat/pengelola-ra');
    fireEvent.click(await screen.findByRole('button', { name: 'Catat Perjanjian' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Nomor perjanjian *'), { target: { value: 'PKS/2026/1' } });
    fireEvent.change(within(dialog).getByLabelText('Tanggal perjanjian *'), { target: { value: '2026-03-14' } });
    fireEvent.change(within(dialog).getByLabelText('Berlaku sampai'), { target: { value: '2025-03-13' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('Tanggal berlaku tidak boleh sebelum tanggal perjanjian.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(api.callsTo('POST', '/api/certificates/provider-agreements')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Berlaku sampai'), { target: { value: '2029-03-13' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/certificates/provider-agreements')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/certificates/provider-agreements')[0].body).toMatchObject({
      provider: 'Balai Sertifikasi Elektronik (BSrE) – BSSN',
      agreementNumber: 'PKS/2026/1',
      signedOn: '2026-03-14',
      validUntil: '2029-03-13',
    });
  });

  it('[K11] an ASN sees neither the menu entry nor the page', async () => {
    installFakeApi({
      ...baseRoutes(makeMe({ roles: [{ code: 'asn', name: 'ASN', name_en: 'ASN', opdId: null }], permissions: ['tenant.read', 'org.read', 'certificates.apply', 'documents.sign'] })),
      'GET /api/certificates/ra-operators': () => [operator()],
      'GET /api/certificates/provider-agreements': () => [agreement],
    });
    renderApp('/sertifikat/pengelola-ra');
    expect(await screen.findByRole('link', { name: 'Sertifikat Saya' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Pengelola RA' })).toBeNull();
    expect(screen.queryByText('800/045/DISKOMINFO/2025')).toBeNull();
  });
});
