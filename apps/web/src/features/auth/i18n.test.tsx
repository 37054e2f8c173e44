import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ZPersonInput } from '@persada/shared';
import { idResources as id, enResources as en } from '@/locales';
import { setLanguage } from '@/lib/i18n';
import { translateMessage } from '@/lib/zod-i18n';
import { baseRoutes, installFakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';

const flatten = (o: Record<string, unknown>, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('bilingual UI', () => {
  it('[A6] switches to English', async () => {
    const api = installFakeApi(baseRoutes(null));
    renderApp('/login');
    expect(await screen.findByRole('button', { name: 'Masuk' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(localStorage.getItem('persada.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    // not logged in: nothing is sent to the server
    expect(api.callsTo('PATCH', '/api/me/preferences')).toHaveLength(0);
  });

  it('[A6] saves the language choice on the server when logged in', async () => {
    const api = installFakeApi(baseRoutes());
    renderApp('/');
    await screen.findByRole('link', { name: 'Jejak Audit' });
    fireEvent.click(screen.getAllByRole('button', { name: 'English' })[0]);
    expect(await screen.findByRole('link', { name: 'Audit trail' })).toBeTruthy();
    await waitFor(() => expect(api.callsTo('PATCH', '/api/me/preferences')).toHaveLength(1));
    expect(api.callsTo('PATCH', '/api/me/preferences')[0].body).toEqual({ locale: 'en' });
  });

  it('[A3] shows validation messages of the shared schemas in English after switching', async () => {
    await setLanguage('en');
    const r = ZPersonInput.safeParse({ fullName: 'Dedi', kind: 'asn', nip: '12345', email: 'dedi@contohkab.go.id', opdId: '11111111-1111-4111-8111-111111111111' });
    const issue = r.error!.issues.find((i) => i.path[0] === 'nip')!;
    expect(translateMessage(issue.message)).toBe('NIP must be 18 digits.');
    await setLanguage('id');
    expect(translateMessage(issue.message)).toBe('NIP harus 18 digit angka.');
  });

  it('[A6] has the same keys in Indonesian and English, and every key used in the code exists', () => {
    const idKeys = flatten(id).sort();
    const enKeys = flatten(en).sort();
    expect(enKeys).toEqual(idKeys);
    const known = new Set(idKeys.map((k) => k.replace(/_(one|other)$/, '')));
    const src = join(__dirname, '..', '..');
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1])) missing.push(`${file}: ${m[1]}`);
      for (const m of text.matchAll(/labelKey: '([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)) if (!known.has(m[1])) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
