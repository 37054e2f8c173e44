import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi, OPD_ID, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const ADMIN = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const CUSTOM = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const PERSON = '55555555-5555-4555-8555-555555555555';

const roles = () => [
  { id: ADMIN, code: 'admin', name: 'Administrator Sistem', nameEn: 'System administrator', description: null, system: true, permissions: ['org.read', 'org.manage'], userCount: 1 },
  { id: CUSTOM, code: 'admin_tte', name: 'Admin TTE', nameEn: 'E-signature admin', description: null, system: false, permissions: ['org.read'], userCount: 0 },
];
const permissions = [
  { code: 'org.read', module: 'org', name: 'Melihat OPD, unit dan jabatan', nameEn: 'View OPDs, units and positions' },
  { code: 'org.manage', module: 'org', name: 'Mengelola OPD, unit dan jabatan', nameEn: 'Manage OPDs, units and positions' },
];

describe('roles & permissions', () => {
  it('[A4] edits the permission matrix per role and saves only that role', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/roles': roles,
      'GET /api/permissions': () => permissions,
      'PUT /api/roles/:id': (r) => ({ ...roles()[1], ...r.body }),
    });
    renderApp('/akses/peran');
    const box = await screen.findByRole('checkbox', { name: 'Admin TTE: Mengelola OPD, unit dan jabatan' });
    expect(box.getAttribute('aria-checked')).toBe('false');
    const save = screen.getByRole('button', { name: 'Simpan hak akses Admin TTE' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    await waitFor(() => expect(api.callsTo('PUT', `/api/roles/${CUSTOM}`)).toHaveLength(1));
    expect(api.callsTo('PUT', `/api/roles/${CUSTOM}`)[0].body.permissions.sort()).toEqual(['org.manage', 'org.read']);
    expect(api.callsTo('PUT', `/api/roles/${ADMIN}`)).toHaveLength(0);
  });

  it('[A4] cannot delete a built-in role; deleting a custom role needs confirmation', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/roles': roles,
      'GET /api/permissions': () => permissions,
      'DELETE /api/roles/:id': () => ({ ok: true }),
    });
    renderApp('/akses/peran');
    const builtIn = (await screen.findByRole('button', { name: 'Hapus Administrator Sistem' })) as HTMLButtonElement;
    expect(builtIn.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Admin TTE' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(api.callsTo('DELETE', `/api/roles/${CUSTOM}`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(api.callsTo('DELETE', `/api/roles/${CUSTOM}`)).toHaveLength(1));
  });
});

describe('users', () => {
  it('[A4] creates a login for a person with a role scoped to an OPD and shows the temporary password once', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/users': () => page([]),
      'GET /api/roles': roles,
      'GET /api/people': () =>
        page([
          {
            id: PERSON, fullName: 'Dedi Kurniawan', frontTitle: null, backTitle: null, kind: 'asn', nip: '199003032015031007', nik: null,
            email: 'dedi@contohkab.go.id', phone: null, opdId: OPD_ID, opdName: 'Dinas Komunikasi dan Informatika', unitId: null, rank: null,
            birthDate: '1990-03-03', sex: 'L', positionName: null, hasUser: false, deletedAt: null, updatedAt: '2025-01-01T00:00:00.000Z',
          },
        ]),
      'POST /api/users': () => ({ id: 'u1', temporaryPassword: 'Sementara#2025xyz' }),
    });
    renderApp('/akses/pengguna');
    fireEvent.click(await screen.findByRole('button', { name: 'Buat akun' }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('option', { name: /Dedi Kurniawan/ });
    fireEvent.change(within(dialog).getByLabelText('Pegawai'), { target: { value: PERSON } });
    await waitFor(() => expect((within(dialog).getByLabelText('Email masuk') as HTMLInputElement).value).toBe('dedi@contohkab.go.id'));

    // no role yet → validation message, nothing sent
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buat akun' }));
    expect(await within(dialog).findByText('Pilih minimal 1.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/users')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Admin TTE' }));
    fireEvent.change(await within(dialog).findByLabelText('Lingkup OPD untuk peran Admin TTE'), { target: { value: OPD_ID } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buat akun' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/users')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/users')[0].body).toEqual({
      personId: PERSON,
      email: 'dedi@contohkab.go.id',
      roles: [{ roleId: CUSTOM, opdId: OPD_ID }],
    });
    expect((await within(dialog).findByTestId('one-time-secret')).textContent).toBe('Sementara#2025xyz');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Selesai' }));
    await waitFor(() => expect(screen.queryByTestId('one-time-secret')).toBeNull());
  });
});

describe('user account actions', () => {
  const user = {
    id: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', email: 'lestari@contohkab.go.id', displayName: 'Lestari Dewi', personId: null, active: true,
    totpEnabled: false, lockedUntil: new Date(Date.now() + 600_000).toISOString(), lastLoginAt: null,
    roles: [{ roleId: CUSTOM, code: 'admin_tte', name: 'Admin TTE', opdId: null, opdName: null }],
  };

  it('[A6] asks before deactivating an account; unlocks a locked one', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/users': () => page([user]),
      'POST /api/users/:id/deactivate': () => ({ ok: true }),
      'POST /api/users/:id/unlock': () => ({ ok: true }),
    });
    renderApp('/akses/pengguna');
    expect(await screen.findByText('Terkunci')).toBeTruthy();
    const menu = screen.getByRole('button', { name: 'Aksi untuk Lestari Dewi' });
    fireEvent.keyDown(menu, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Buka kunci' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/users/${user.id}/unlock`)).toHaveLength(1));

    fireEvent.keyDown(menu, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Nonaktifkan' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(within(confirm).getByText('Nonaktifkan akun Lestari Dewi?')).toBeTruthy();
    expect(api.callsTo('POST', `/api/users/${user.id}/deactivate`)).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Nonaktifkan' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/users/${user.id}/deactivate`)).toHaveLength(1));
  });
});
