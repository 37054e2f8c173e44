import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, makeMe, makeOpd, OPD_ID, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

describe('OPD', () => {
  it('[A6] asks for confirmation before deleting an OPD', async () => {
    const api = installFakeApi({ ...baseRoutes(), 'DELETE /api/opds/:id': () => ({ ok: true }) });
    renderApp('/organisasi/opd');
    const del = await screen.findByRole('button', { name: 'Hapus Dinas Komunikasi dan Informatika' });

    // 1st attempt: cancel
    fireEvent.click(del);
    let confirm = await screen.findByRole('alertdialog');
    expect(within(confirm).getByText('Hapus OPD Dinas Komunikasi dan Informatika?')).toBeTruthy();
    expect(within(confirm).getByText(/Apakah Anda yakin/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.callsTo('DELETE', /\/api\/opds\//)).toHaveLength(0);

    // 2nd attempt: confirm
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Dinas Komunikasi dan Informatika' }));
    confirm = await screen.findByRole('alertdialog');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(api.callsTo('DELETE', `/api/opds/${OPD_ID}`)).toHaveLength(1));
    expect(await screen.findByText(/OPD dihapus/)).toBeTruthy();
  });

  it('[A2] creates an OPD with the "Tambah OPD" dialog', async () => {
    const api = installFakeApi({ ...baseRoutes(), 'POST /api/opds': (r) => makeOpd({ ...r.body, id: 'new' }) });
    renderApp('/organisasi/opd');
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah OPD' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Kode'), { target: { value: '2.17' } });
    fireEvent.change(within(dialog).getByLabelText('Nama OPD'), { target: { value: 'Dinas Kependudukan dan Pencatatan Sipil' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/opds')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/opds')[0].body).toEqual({
      code: '2.17',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      shortName: null,
      kind: 'dinas',
      isPersandianDinas: false,
      address: null,
      email: null,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('[A6] cancels the OPD dialog without saving and validates required fields', async () => {
    const api = installFakeApi(baseRoutes());
    renderApp('/organisasi/opd');
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah OPD' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect((await within(dialog).findAllByText('Wajib diisi.')).length).toBeGreaterThanOrEqual(2);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('POST', '/api/opds')).toHaveLength(0);
  });

  it('[A6] restores a soft-deleted OPD', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/opds': () => page([makeOpd({ deletedAt: '2025-02-01T00:00:00.000Z' })]),
      'POST /api/opds/:id/restore': () => makeOpd(),
    });
    renderApp('/organisasi/opd?includeDeleted=true');
    fireEvent.click(await screen.findByRole('button', { name: 'Pulihkan' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/opds/${OPD_ID}/restore`)).toHaveLength(1));
    expect(api.callsTo('GET', '/api/opds').some((c) => c.query.get('includeDeleted') === 'true')).toBe(true);
  });

  it('[A2] hides management buttons from a read-only user', async () => {
    installFakeApi(baseRoutes(makeMe({ permissions: ['org.read', 'tenant.read'] })));
    renderApp('/organisasi/opd');
    expect(await screen.findByText('Dinas Komunikasi dan Informatika')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tambah OPD' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Hapus / })).toBeNull();
  });
});
