import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { baseRoutes, installFakeApi, page } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const N1 = '33333333-3333-4333-8333-333333333333';

describe('notifications', () => {
  it('[A6] lists notifications, marks one read and marks all read', async () => {
    const api = installFakeApi({
      ...baseRoutes(),
      'GET /api/notifications': () =>
        page([
          { id: N1, kind: 'info', title: 'Sertifikat elektronik akan kedaluwarsa', body: 'Segera perpanjang.', link: null, createdAt: '2025-03-01T02:00:00.000Z', readAt: null },
          { id: 'n2', kind: 'info', title: 'Akun dibuat', body: 'Selamat datang.', link: null, createdAt: '2025-02-01T02:00:00.000Z', readAt: '2025-02-02T00:00:00.000Z' },
        ]),
      'POST /api/notifications/:id/read': () => ({ ok: true }),
      'POST /api/notifications/read-all': () => ({ ok: true }),
    });
    renderApp('/notifikasi?unread=true');
    await screen.findByText('Sertifikat elektronik akan kedaluwarsa');
    expect(api.callsTo('GET', '/api/notifications').at(-1)!.query.get('unread')).toBe('true');
    // only the unread one has a "mark read" button
    expect(screen.getAllByRole('button', { name: /^Tandai dibaca:/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Tandai dibaca: Sertifikat elektronik akan kedaluwarsa' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/notifications/${N1}/read`)).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Tandai semua dibaca' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/notifications/read-all')).toHaveLength(1));
  });
});
