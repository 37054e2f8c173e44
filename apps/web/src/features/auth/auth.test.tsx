import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { baseRoutes, installFakeApi, makeMe, problem } from '@/test/fake-api';
import { renderApp } from '@/test/render';

describe('login', () => {
  it('[A4] redirects to the login page when not logged in (401)', async () => {
    installFakeApi(baseRoutes(null));
    const { history } = renderApp('/pegawai');
    expect(await screen.findByRole('button', { name: 'Masuk' })).toBeTruthy();
    expect(history.location.pathname).toBe('/login');
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Kata sandi')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Masuk dengan SSO' })).toBeNull();
  });

  it('[A4] shows the Indonesian server error for wrong credentials and clears the password', async () => {
    installFakeApi({
      ...baseRoutes(null),
      'POST /api/auth/login': () => problem(401, 'Gagal masuk', 'Email atau kata sandi salah.'),
    });
    renderApp('/login');
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'a@contohkab.go.id' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: 'salah' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findAllByText('Email atau kata sandi salah.')).length).toBeGreaterThan(0);
    expect((screen.getByLabelText('Kata sandi') as HTMLInputElement).value).toBe('');
  });

  it('[A4] goes to the second-factor page when the server asks for TOTP', async () => {
    let me: ReturnType<typeof makeMe> | null = null;
    const api = installFakeApi({
      ...baseRoutes(null),
      'GET /api/auth/me': () => (me ? me : problem(401, 'x', 'x')),
      'POST /api/auth/login': () => {
        me = makeMe({ mfaPending: true, totpEnabled: true });
        return { mfaRequired: true };
      },
      'POST /api/auth/totp/verify': () => {
        me = makeMe({ totpEnabled: true });
        return { ok: true };
      },
    });
    const { history } = renderApp('/login');
    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'admin@contohkab.go.id' } });
    fireEvent.change(screen.getByLabelText('Kata sandi'), { target: { value: 'Rahasia#2025aman' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    const code = await screen.findByLabelText('Kode verifikasi');
    expect(history.location.pathname).toBe('/login/verifikasi');
    expect(api.callsTo('POST', '/api/auth/login')[0].body).toEqual({ email: 'admin@contohkab.go.id', password: 'Rahasia#2025aman' });

    // a recovery code can be used instead
    fireEvent.click(screen.getByRole('button', { name: 'Gunakan kode pemulihan' }));
    expect(await screen.findByLabelText('Kode pemulihan')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gunakan kode dari aplikasi autentikator' }));
    fireEvent.change(await screen.findByLabelText('Kode verifikasi'), { target: { value: '123456' } });
    void code;
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    await waitFor(() => expect(history.location.pathname).toBe('/'));
    expect(api.callsTo('POST', '/api/auth/totp/verify')[0].body).toEqual({ code: '123456' });
    expect(await screen.findByText('Pemerintah Kabupaten Contoh', { selector: '[data-testid="tenant-name"]' })).toBeTruthy();
  });

  it('[A4] offers "Masuk dengan SSO" only when SSO is configured', async () => {
    installFakeApi({ ...baseRoutes(null), 'GET /api/auth/sso/config': () => ({ enabled: true, label: 'SSO Pemda' }) });
    renderApp('/login');
    expect(await screen.findByRole('button', { name: 'Masuk dengan SSO' })).toBeTruthy();
  });
});

describe('temporary password', () => {
  it('[A4] forces a new password after logging in with a temporary one', async () => {
    let me = makeMe({ mustChangePassword: true });
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/auth/me': () => me,
      'POST /api/me/password': () => {
        me = makeMe();
        return { ok: true };
      },
    });
    const { history } = renderApp('/pegawai');
    expect(await screen.findByRole('heading', { name: 'Ganti kata sandi sementara' })).toBeTruthy();
    expect(history.location.pathname).toBe('/login/ganti-kata-sandi');
    fireEvent.change(screen.getByLabelText('Kata sandi sementara'), { target: { value: 'Sementara#2025xyz' } });
    fireEvent.change(screen.getByLabelText('Kata sandi baru'), { target: { value: 'BaruSekali#2025' } });
    fireEvent.change(screen.getByLabelText('Ulangi kata sandi baru'), { target: { value: 'BaruSekali#2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ganti kata sandi' }));
    expect(await screen.findByText('Kata sandi baru dan ulangannya tidak sama.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/me/password')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Ulangi kata sandi baru'), { target: { value: 'BaruSekali#2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ganti kata sandi' }));
    await waitFor(() => expect(history.location.pathname).toBe('/pegawai'));
    expect(api.callsTo('POST', '/api/me/password')[0].body).toEqual({ currentPassword: 'Sementara#2025xyz', newPassword: 'BaruSekali#2025' });
  });
});

describe('app shell', () => {
  it('[A4] shows only the modules the user has permission for', async () => {
    installFakeApi(baseRoutes(makeMe({ permissions: ['tenant.read', 'org.read'] })));
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Navigasi utama' });
    expect(nav.textContent).toContain('OPD & Unit');
    expect(nav.textContent).toContain('Notifikasi');
    expect(nav.textContent).not.toContain('Jejak Audit');
    expect(nav.textContent).not.toContain('Pengguna');
    expect(nav.textContent).not.toContain('Pegawai');
  });

  it('[A6] shows the unread notification count in the header', async () => {
    installFakeApi(baseRoutes());
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Pemberitahuan, 3 belum dibaca' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Jejak Audit' })).toBeTruthy();
  });
});
