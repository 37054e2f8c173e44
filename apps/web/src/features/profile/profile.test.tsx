import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { baseRoutes, installFakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';

describe('my profile', () => {
  it('[A4] shows the password policy and refuses a weak new password in Indonesian', async () => {
    const api = installFakeApi(baseRoutes());
    renderApp('/profil');
    fireEvent.change(await screen.findByLabelText('Kata sandi saat ini'), { target: { value: 'Lama#2024aman' } });
    fireEvent.change(screen.getByLabelText('Kata sandi baru'), { target: { value: 'pendek' } });
    fireEvent.change(screen.getByLabelText('Ulangi kata sandi baru'), { target: { value: 'pendek' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ganti kata sandi' }));
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('Kata sandi minimal 12 karakter.');
    expect(screen.getByText('Kebijakan kata sandi')).toBeTruthy();
    expect(screen.getByText('Kata sandi harus memuat simbol.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/me/password')).toHaveLength(0);
  });

  it('[A5] creates a personal API token and shows it once', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/me/tokens': () => [],
      'POST /api/me/tokens': () => ({ id: '77777777-7777-4777-8777-777777777777', token: 'psd_rahasia123' }),
    });
    renderApp('/profil');
    const tab = await screen.findByRole('tab', { name: 'Token API' });
    fireEvent.mouseDown(tab);
    fireEvent.click(tab);
    fireEvent.click(await screen.findByRole('button', { name: 'Buat token' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Nama token'), { target: { value: 'Integrasi SIMPEG' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Melihat data pegawai' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Buat token' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/me/tokens')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/me/tokens')[0].body).toEqual({ name: 'Integrasi SIMPEG', scopes: ['people.read'], expiresInDays: 90 });
    expect((await within(dialog).findByTestId('one-time-secret')).textContent).toBe('psd_rahasia123');
  });
});
