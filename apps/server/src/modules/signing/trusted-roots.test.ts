import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { PdfSigningService } from './pdf-signing.js';
import { ThrowawayCa } from './testing/throwaway-ca.js';
import { chainDer, makeHolder, makePdf } from './testing/fixtures.js';

let t: TestApp;
let foreign: ThrowawayCa;
let foreignPdf: Uint8Array;
let slug: string;
let otherSlug: string;
let admin: ReturnType<typeof client>;

function multipart(file: Uint8Array) {
  const boundary = `persada${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doc.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from(file),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The public verifier, opened for a Pemda (`?pemda=`) or without one. */
async function verify(pemda?: string) {
  const m = multipart(foreignPdf);
  const res = await t.app.inject({ method: 'POST', url: `/api/verify/pdf${pemda ? `?pemda=${pemda}` : ''}`, payload: m.payload, headers: m.headers });
  expect(res.statusCode).toBe(200);
  return res.json().signatures[0].chain.status as string;
}

beforeAll(async () => {
  t = await startTestApp();
  const a = await makeTenant(t);
  slug = a.tenant.slug;
  admin = client(t, await login(t, a.email));
  otherSlug = (await makeTenant(t)).tenant.slug;
  // a document signed under a CA that is not ours (e.g. BSrE's)
  foreign = await ThrowawayCa.create('http://127.0.0.1:9/pki/bsre', 'Balai Sertifikasi Elektronik');
  const holder = await makeHolder(foreign, 'Pejabat Pusat', 'pejabat@pusat.go.id');
  const pdf = await makePdf();
  const svc = new PdfSigningService();
  const params = { certDer: holder.der, chainDer: await chainDer(foreign), fieldName: 'TTE_1', signingTime: new Date() };
  const p = await svc.prepare(pdf, params);
  foreignPdf = await svc.complete(pdf, { ...params, signature: await holder.sign(p.toBeSigned), expectedDigestHex: p.digestHex }, foreign);
}, 120_000);
afterAll(() => t?.stop());

describe('trusted roots (K15)', () => {
  let rootId: string;

  it('[K15] refuses garbage and non-CA certificates with a clear 400 in both languages', async () => {
    const garbage = await admin.post('/api/signing/trusted-roots', { certificate: 'ini bukan sertifikat' });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ code: 'signing.trust_invalid', title_en: expect.stringContaining('X.509') });
    expect(garbage.body.title).toContain('sertifikat');
    const leaf = await makeHolder(foreign, 'Bukan CA', 'bukan@pusat.go.id');
    const notCa = await admin.post('/api/signing/trusted-roots', { certificate: leaf.pem });
    expect(notCa.status).toBe(400);
    expect(notCa.body).toMatchObject({ code: 'signing.trust_not_ca', title_en: expect.stringContaining('not a CA certificate') });
  });

  it('[K15] a PDF signed under a foreign CA verifies as trusted only after its root is added, and only for that Pemda', async () => {
    expect(await verify(slug)).toBe('untrusted');
    const der = Buffer.from(foreign.root.rawData).toString('base64');
    const added = await admin.post('/api/signing/trusted-roots', { certificate: der }); // DER (base64) works as well as PEM
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ subject: foreign.root.subject, issuer: foreign.root.subject, selfSigned: true, enabled: true, expired: false });
    expect(added.body.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(added.body.createdByName).toBeTruthy();
    rootId = added.body.id;
    const dup = await admin.post('/api/signing/trusted-roots', { certificate: foreign.root.toString('pem') });
    expect(dup.status).toBe(409);
    expect(await verify(slug)).toBe('trusted');
    // another Pemda's verifier, or one without a Pemda, does not trust what this Pemda added
    expect(await verify(otherSlug)).toBe('untrusted');
    expect(await verify()).toBe('untrusted');
    const list = await admin.get('/api/signing/trusted-roots');
    expect(list.body.map((r: any) => r.id)).toEqual([rootId]);
  });

  it('[K15] disabling a root stops trusting it; removing it is audited', async () => {
    const off = await admin.put(`/api/signing/trusted-roots/${rootId}/enabled`, { enabled: false });
    expect(off.status).toBe(200);
    expect(off.body.enabled).toBe(false);
    expect(await verify(slug)).toBe('untrusted');
    const on = await admin.put(`/api/signing/trusted-roots/${rootId}/enabled`, { enabled: true });
    expect(on.body.enabled).toBe(true);
    const del = await admin.del(`/api/signing/trusted-roots/${rootId}`);
    expect(del.status).toBe(200);
    expect((await admin.get('/api/signing/trusted-roots')).body).toEqual([]);
    const log = await admin.get(`/api/audit?entity=signing_trusted_root&entityId=${rootId}`);
    expect(log.body.items.map((i: any) => i.action)).toEqual(['delete', 'enable', 'disable', 'create']);
  });
});
