import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, OPD_ID, problem } from '@/test/fake-api';
import { renderApp } from '@/test/render';

async function openPersonForm() {
  fireEvent.click(await screen.findByRole('button', { name: 'Tambah Pegawai' }));
  const dialog = await screen.findByRole('dialog');
  // OPD options are loaded from /api/opds
  await within(dialog).findByRole('option', { name: 'Dinas Komunikasi dan Informatika' });
  return dialog;
}

function fill(dialog: HTMLElement, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });
  }
}

describe('people (Pegawai)', () => {
  it('[A3] shows the Indonesian NIP error for a 17-digit NIP', async () => {
    const api = installFakeApi(baseRoutes());
    renderApp('/pegawai');
    const dialog = await openPersonForm();
    fill(dialog, { 'Nama lengkap': 'Dedi Kurniawan', NIP: '19900303201503100', Email: 'dedi@contohkab.go.id', OPD: OPD_ID });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText('NIP harus 18 digit angka.')).toBeTruthy();
    expect(within(dialog).getByLabelText('NIP').getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/people')).toHaveLength(0);
  });

  it('[A3] explains which part of the NIP is wrong (sex digit) in Indonesian', async () => {
    installFakeApi(baseRoutes());
    renderApp('/pegawai');
    const dialog = await openPersonForm();
    fill(dialog, { 'Nama lengkap': 'Dedi Kurniawan', NIP: '199003032015033007', Email: 'dedi@contohkab.go.id', OPD: OPD_ID });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText('Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.')).toBeTruthy();
  });

  it('[A3] saves a valid person and sends empty optional fields as null', async () => {
    const api = installFakeApi({ ...baseRoutes(), 'POST /api/people': (r) => ({ ...r.body, id: 'x' }) });
    renderApp('/pegawai');
    const dialog = await openPersonForm();
    fill(dialog, { 'Nama lengkap': 'Dedi Kurniawan', NIP: '199003032015031007', Email: 'Dedi@ContohKab.go.id', OPD: OPD_ID });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/people')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/people')[0].body).toMatchObject({
      fullName: 'Dedi Kurniawan',
      kind: 'asn',
      nip: '199003032015031007',
      nik: null,
      email: 'dedi@contohkab.go.id',
      opdId: OPD_ID,
      unitId: null,
      frontTitle: null,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Pegawai berhasil ditambahkan.')).toBeTruthy();
  });

  it('[A3] puts the server field error (problem+json) under the NIP field', async () => {
    installFakeApi({
      ...baseRoutes(),
      'POST /api/people': () =>
        problem(409, 'Data bertentangan dengan data yang sudah ada.', 'NIP ini sudah terdaftar.', [
          { field: 'nip', message: 'NIP ini sudah terdaftar.', message_en: 'This NIP is already registered.' },
        ]),
    });
    renderApp('/pegawai');
    const dialog = await openPersonForm();
    fill(dialog, { 'Nama lengkap': 'Dedi Kurniawan', NIP: '199003032015031007', Email: 'dedi@contohkab.go.id', OPD: OPD_ID });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const nip = within(dialog).getByLabelText('NIP');
    await waitFor(() => expect(nip.getAttribute('aria-invalid')).toBe('true'));
    const errorId = nip.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(document.getElementById(errorId)!.textContent).toBe('NIP ini sudah terdaftar.');
    // the dialog stays open for correction
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('[A2] keeps the people filters in the URL and sends them to the server', async () => {
    const api = installFakeApi(baseRoutes());
    const { history } = renderApp('/pegawai?kind=pppk&q=dedi');
    await waitFor(() => expect(api.callsTo('GET', '/api/people').some((c) => c.query.get('kind') === 'pppk')).toBe(true));
    const call = api.callsTo('GET', '/api/people').find((c) => c.query.get('kind') === 'pppk')!;
    expect(call.query.get('q')).toBe('dedi');
    expect(call.query.get('page')).toBe('1');
    fireEvent.change(await screen.findByLabelText('Status kepegawaian'), { target: { value: 'non_asn' } });
    await waitFor(() => expect(history.location.search).toContain('kind=non_asn'));
    const excel = screen.getByRole('link', { name: /Ekspor Excel/ });
    expect(excel.getAttribute('href')).toContain('/api/people/export?format=xlsx');
    expect(excel.getAttribute('href')).toContain('kind=non_asn');
    expect(excel.getAttribute('href')).toContain('q=dedi');
  });
});
