import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPkcs12, generateKey } from './keys';

const pem = (label: string, der: ArrayBuffer) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

describe('browser key and PKCS#12', () => {
  it('[K7] the one-time PKCS#12 made in the browser opens in OpenSSL with the passphrase only (PBES2 AES-256-CBC, SHA-256 MAC)', async () => {
    const key = await generateKey('ECDSA');
    expect(Buffer.from(key.spki, 'base64').length).toBe(91); // P-256 SubjectPublicKeyInfo
    const dir = mkdtempSync(join(tmpdir(), 'p12-'));
    try {
      // a certificate for the browser key, made by OpenSSL
      writeFileSync(join(dir, 'k.pem'), pem('PRIVATE KEY', await crypto.subtle.exportKey('pkcs8', key.keys.privateKey)));
      execFileSync('openssl', ['req', '-x509', '-key', join(dir, 'k.pem'), '-subj', '/CN=Nurul Hidayah/O=Pemerintah Kota Contoh', '-days', '2', '-out', join(dir, 'c.pem')], { stdio: 'pipe' });
      const p12 = await buildPkcs12(key.keys.privateKey, readFileSync(join(dir, 'c.pem'), 'utf8'), null, 'Rahasia-Sekali#2026', 'Nurul Hidayah');
      writeFileSync(join(dir, 'a.p12'), p12);
      const out = execFileSync('openssl', ['pkcs12', '-info', '-in', join(dir, 'a.p12'), '-passin', 'pass:Rahasia-Sekali#2026', '-nodes'], { stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8' });
      expect(out).toContain('CN = Nurul Hidayah');
      expect(out).toContain('BEGIN PRIVATE KEY');
      const info = spawnSync('openssl', ['pkcs12', '-info', '-in', join(dir, 'a.p12'), '-passin', 'pass:Rahasia-Sekali#2026', '-noout'], { encoding: 'utf8' });
      expect(info.stderr).toMatch(/MAC: sha256/);
      expect(info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/);
      expect(() => execFileSync('openssl', ['pkcs12', '-info', '-in', join(dir, 'a.p12'), '-passin', 'pass:salah', '-noout'], { stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
