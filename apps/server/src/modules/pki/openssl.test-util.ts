import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A scratch folder and thin wrappers around the real openssl binary for interop tests. */
export function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-pki-'));
  const file = (name: string, content?: string | Uint8Array) => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  /** Runs openssl; returns exit code and combined output (never throws). */
  const openssl = (...args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  };
  /** Async variant for commands that talk to the in-process test server (spawnSync would block it). */
  const opensslAsync = (...args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 20_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout ?? ''}${stderr ?? ''}` }),
      );
    });
  const opensslBin = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, timeout: 20_000 });
  return { dir, file, openssl, opensslAsync, opensslBin, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export type TestKey = { keyPem: string; spkiDer: Uint8Array };
export function ecKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, spkiDer: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
}
export function rsaKey(bits = 2048): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, spkiDer: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
}
