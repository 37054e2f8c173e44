import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PDF, FAKE_EXE } from '../src/platform/files/test-fixtures.js';
import { client, login, makeTenant, startTestApp, type TestApp } from './harness.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await startTestApp({ MAX_UPLOAD_MB: '1', LOGIN_RATE_LIMIT: '20' });
  cookie = await login(t, (await makeTenant(t)).email);
});
afterAll(() => t?.stop());

function multipart(name: string, data: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----persada' + Date.now();
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}

describe('HTTP platform', () => {
  it('[A1] reports health with the database kind and version', async () => {
    const res = await client(t).get('/api/health');
    expect(res.body).toEqual({ status: 'ok', db: 'postgres', version: expect.any(String) });
  });

  it('[A5] publishes OpenAPI with the module routes', async () => {
    const res = await client(t).get('/api/openapi.json');
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/people', '/api/opds/{id}', '/api/audit/verify']));
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('[A6] answers unknown API paths with bilingual problem+json and security headers', async () => {
    const res = await client(t).get('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ title: 'Data tidak ditemukan.', title_en: 'Not found.', status: 404 });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('[A6] answers malformed JSON with a 400 in Indonesian, not a 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/opds', headers: { cookie, 'content-type': 'application/json' }, payload: '{"code": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('Permintaan tidak dapat diproses.');
    const notUuid = await client(t, cookie).get('/api/people/bukan-uuid');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.errors[0].field).toBe('id');
  });

  it('[A4] rate-limits repeated login attempts', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++) {
      last = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.go.id', password: 'a' } })).statusCode;
    }
    expect(last).toBe(429);
    // X-Forwarded-For is not trusted unless TRUST_PROXY names the proxy: spoofing does not reset the limit.
    const spoofed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': '10.9.8.7' }, payload: { email: 'x@y.go.id', password: 'a' } });
    expect(spoofed.statusCode).toBe(429);
  });

  it('[A4] asks for a session before validating input', async () => {
    const res = await client(t).post('/api/opds', {});
    expect(res.status).toBe(401);
    expect(res.body.title).toBe('Silakan masuk terlebih dahulu.');
    expect((await client(t).get('/api/opds?pageSize=9999')).status).toBe(401);
  });
});

describe('attachments', () => {
  it('[L1] stores a PDF with its SHA-256, and encrypts a classified one at rest', async () => {
    const plain = await t.app.inject({ method: 'POST', url: '/api/files', ...multipart('surat.pdf', TINY_PDF) });
    expect(plain.statusCode).toBe(200);
    expect(plain.json()).toMatchObject({ mime: 'application/pdf', classified: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const secret = await t.app.inject({ method: 'POST', url: '/api/files', ...multipart('rahasia.pdf', TINY_PDF, { classified: 'true' }) });
    expect(secret.json().classified).toBe(true);
    const down = await t.app.inject({ url: `/api/files/${secret.json().id}`, headers: { cookie } });
    expect(down.rawPayload.equals(TINY_PDF)).toBe(true);
    // nothing on disk contains the plaintext of the classified file
    const root = path.join(t.dataDir, 'files');
    const stored = fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, String(f))).filter((f) => fs.statSync(f).isFile());
    expect(stored).toHaveLength(2);
    expect(stored.filter((f) => fs.readFileSync(f).includes(TINY_PDF.subarray(0, 40)))).toHaveLength(1);
  });

  it('[L1] rejects an executable renamed to .pdf, judged by its content', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/files', ...multipart('laporan.pdf', FAKE_EXE) });
    expect(res.statusCode).toBe(415);
    expect(res.json().title).toBe('Jenis berkas tidak diizinkan (diperiksa dari isi berkas).');
  });

  it('[L1] rejects a file over the size limit with a clear message', async () => {
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', ...multipart('besar.pdf', big) });
    expect(res.statusCode).toBe(413);
    expect(res.json().title_en).toMatch(/too large|size limit/);
  });
});
