import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PdfSigningService } from './pdf-signing.js';
import { ThrowawayCa } from './testing/throwaway-ca.js';
import { chainDer, makeHolder, makePdf, nssDbTrusting, run, tmpDir } from './testing/fixtures.js';

const svc = new PdfSigningService();
let ca: ThrowawayCa;
let nss: string;
beforeAll(async () => {
  ca = await ThrowawayCa.create();
  nss = nssDbTrusting((await ca.chain()).rootPem);
});

async function signWith(pdf: Uint8Array, holder: Awaited<ReturnType<typeof makeHolder>>, fieldName: string) {
  const params = { certDer: holder.der, chainDer: await chainDer(ca), fieldName, signingTime: new Date(), reason: 'Persetujuan', location: 'Kota Uji' };
  const { toBeSigned, digestHex } = await svc.prepare(pdf, params);
  const signature = await holder.sign(toBeSigned);
  return svc.complete(pdf, { ...params, signature, expectedDigestHex: digestHex }, ca);
}

describe('PAdES signing with a browser-held key', () => {
  it('[K15] signs a stamped PDF with a WebCrypto key; pdfsig and openssl cms accept it (B-T with DSS)', async () => {
    const holder = await makeHolder(ca, 'Budi Santoso', 'budi@uji.go.id');
    const stamped = await svc.stamp(await makePdf(), { entries: [{ name: 'Budi Santoso, S.Kom.', nip: '198001012005011001', position: 'Kepala Dinas Kominfo' }], verifyUrl: 'https://persada.uji.go.id/verifikasi/abc' });
    const signed = await signWith(stamped, holder, 'TTE_1');
    const dir = tmpDir();
    const file = path.join(dir, 'signed.pdf');
    fs.writeFileSync(file, signed);
    const res = run('pdfsig', ['-nssdir', `sql:${nss}`, '-nocert', file]);
    expect(res.out).toContain('Signature is Valid.');
    expect(res.out).toContain('ETSI.CAdES.detached');
    const s = Buffer.from(signed).toString('latin1');
    expect(s).toContain('/DSS');
    // openssl cms -verify of the detached CMS over the ByteRange
    const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(s)!;
    const [a, b, c, d] = m.slice(1).map(Number);
    const content = Buffer.concat([Buffer.from(signed.subarray(a, a + b)), Buffer.from(signed.subarray(c, c + d))]);
    const hexSig = s.slice(a + b + 1, c - 1).replace(/0+$/, '');
    fs.writeFileSync(path.join(dir, 'content.bin'), content);
    fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(hexSig.length % 2 ? hexSig + '0' : hexSig, 'hex'));
    fs.writeFileSync(path.join(dir, 'root.pem'), (await ca.chain()).rootPem);
    const v = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'), '-content', path.join(dir, 'content.bin'), '-CAfile', path.join(dir, 'root.pem'), '-purpose', 'any', '-out', '/dev/null']);
    expect(v.out).toContain('Verification successful');
  });

  it('[K15] a second signer signs incrementally and both signatures stay valid', async () => {
    const a = await makeHolder(ca, 'Sekretaris Daerah', 'sekda@uji.go.id');
    const b = await makeHolder(ca, 'Wali Kota', 'walikota@uji.go.id', 'RSA');
    const stamped = await svc.stamp(await makePdf(2), { entries: [{ name: 'Sekda' }, { name: 'Wali Kota' }], verifyUrl: 'https://x/verifikasi/1' });
    const one = await signWith(stamped, a, 'TTE_1');
    const two = await signWith(one, b, 'TTE_2');
    expect(Buffer.from(two.subarray(0, one.length)).equals(Buffer.from(one))).toBe(true);
    const file = path.join(tmpDir(), 'co.pdf');
    fs.writeFileSync(file, two);
    const res = run('pdfsig', ['-nssdir', `sql:${nss}`, '-nocert', file]);
    expect(res.out.match(/Signature is Valid\./g)?.length).toBe(2);
  });

  it('[K15] refuses a signature that was not made over the prepared bytes', async () => {
    const holder = await makeHolder(ca, 'Ani', 'ani@uji.go.id');
    const pdf = await makePdf();
    const params = { certDer: holder.der, chainDer: await chainDer(ca), fieldName: 'TTE_1', signingTime: new Date() };
    const { digestHex } = await svc.prepare(pdf, params);
    const wrong = await holder.sign(new Uint8Array([1, 2, 3]));
    await expect(svc.complete(pdf, { ...params, signature: wrong, expectedDigestHex: digestHex }, ca)).rejects.toThrow('signing.signature_invalid');
  });

  it('[K15] assembly in another process than preparation (nothing cached) gives the same valid signature', async () => {
    const holder = await makeHolder(ca, 'Citra', 'citra@uji.go.id');
    const pdf = await makePdf();
    const params = { certDer: holder.der, chainDer: await chainDer(ca), fieldName: 'TTE_1', signingTime: new Date(), reason: 'Persetujuan' };
    const { toBeSigned, digestHex } = await svc.prepare(pdf, params);
    PdfSigningService.forgetPrepared();
    const signed = await svc.complete(pdf, { ...params, signature: await holder.sign(toBeSigned), expectedDigestHex: digestHex }, ca);
    const file = path.join(tmpDir(), 'fresh.pdf');
    fs.writeFileSync(file, signed);
    expect(run('pdfsig', ['-nssdir', `sql:${nss}`, '-nocert', file]).out).toContain('Signature is Valid.');
  });
});
