import 'reflect-metadata';
import { deflateSync } from 'node:zlib';
import * as x509 from '@peculiar/x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDF, StandardFonts } from '@libpdf/core';
import { PdfSigningService } from './pdf-signing.js';
import { PdfVerifyError, verifyPdf, type VerifyTrust } from './pdf-verify.js';
import { ThrowawayCa } from './testing/throwaway-ca.js';
import { chainDer, makeHolder, makePdf } from './testing/fixtures.js';

const svc = new PdfSigningService();
let ca: ThrowawayCa;
let trust: VerifyTrust;
let signedOnce: Uint8Array;
let holderSerial: string;

async function signWith(pdf: Uint8Array, holder: Awaited<ReturnType<typeof makeHolder>>, fieldName: string) {
  const params = { certDer: holder.der, chainDer: await chainDer(ca), fieldName, signingTime: new Date() };
  const { toBeSigned, digestHex } = await svc.prepare(pdf, params);
  return svc.complete(pdf, { ...params, signature: await holder.sign(toBeSigned), expectedDigestHex: digestHex }, ca);
}

beforeAll(async () => {
  ca = await ThrowawayCa.create();
  trust = { roots: [ca.root] };
  const h = await makeHolder(ca, 'Dewi Lestari', 'dewi@uji.go.id');
  holderSerial = h.serialHex;
  signedOnce = await signWith(await svc.stamp(await makePdf(), { entries: [{ name: 'Dewi Lestari' }], verifyUrl: 'https://x/verifikasi/1' }), h, 'TTE_1');
});

describe('public verifier', () => {
  it('[K15] reports signer, timestamp, trusted chain, embedded revocation and an overall valid verdict', async () => {
    const r = await verifyPdf(signedOnce, trust);
    expect(r.verdict).toBe('valid');
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0];
    expect(s.signer?.name).toBe('Dewi Lestari');
    expect(s.integrity).toBe(true);
    expect(s.certificateBinding).toBe(true);
    expect(s.timestamp?.valid).toBe(true);
    expect(s.chain.status).toBe('trusted');
    expect(s.revocation).toMatchObject({ atSigning: 'good', source: 'dss' });
    expect(s.modifiedAfter).toBe(false);
  });

  it('[K15] a document signed under an unknown root is not trusted', async () => {
    const other = await ThrowawayCa.create('http://127.0.0.1:9/pki/lain', 'Lain');
    const r = await verifyPdf(signedOnce, { roots: [other.root] });
    expect(r.signatures[0].chain.status).toBe('untrusted');
    expect(r.verdict).toBe('warning');
  });

  it('[K15] detects a changed byte inside the signed range', async () => {
    const bad = new Uint8Array(signedOnce);
    // the binary comment on the second line is covered by the signature but ignored by readers
    const i = Buffer.from(bad).indexOf('\n') + 2;
    bad[i] ^= 0x01;
    const r = await verifyPdf(bad, trust);
    expect(r.signatures[0].integrity).toBe(false);
    expect(r.verdict).toBe('invalid');
  });

  it('[K15] flags page content changed in a later revision, but not a co-signature', async () => {
    const pdf = await PDF.load(signedOnce);
    pdf.getPage(0)!.drawText('TAMBAHAN SETELAH TTD', { x: 100, y: 400, font: StandardFonts.Helvetica, size: 20 });
    const changed = await pdf.save({ incremental: true });
    const r = await verifyPdf(changed, trust);
    expect(r.signatures[0].modifiedAfter).toBe(true);
    expect(r.verdict).toBe('invalid');

    // a box drawn over the signed page as an annotation is a change too
    const annotated = await PDF.load(signedOnce);
    annotated.getPage(0)!.addSquareAnnotation({ rect: { x: 100, y: 100, width: 300, height: 80 }, contents: 'Coretan' });
    const r3 = await verifyPdf(await annotated.save({ incremental: true }), trust);
    expect(r3.signatures[0].modifiedAfter).toBe(true);

    const second = await makeHolder(ca, 'Rudi', 'rudi@uji.go.id');
    const co = await signWith(signedOnce, second, 'TTE_2');
    const r2 = await verifyPdf(co, trust);
    expect(r2.signatures).toHaveLength(2);
    expect(r2.signatures[0].modifiedAfter).toBe(false);
    expect(r2.signatures[0].laterRevisions).toBeGreaterThan(0);
    expect(r2.verdict).toBe('valid');
  });

  it('[K15] reports a certificate revoked after signing through the online check', async () => {
    ca.revoke(holderSerial, new Date(Date.now() + 1000));
    const t: VerifyTrust = {
      roots: [ca.root],
      onlineStatus: async () => ({ status: 'revoked', revokedAt: new Date(Date.now() + 1000) }),
    };
    const r = await verifyPdf(signedOnce, t);
    expect(r.signatures[0].revocation.now).toBe('revoked');
    expect(r.signatures[0].revocation.atSigning).toBe('good');
    // the embedded DSS still says "good": the current status is the responder's, and says so
    expect(r.signatures[0].revocation.source).toBe('online');
    expect(r.verdict).toBe('warning');
  });

  it('[K15] answers hostile and broken files with a clear error, never a crash', async () => {
    const expectKey = async (bytes: Uint8Array, keys: string[]) => {
      try {
        const r = await verifyPdf(bytes, trust);
        // tolerated: parsed but no valid signature
        expect(r.verdict === 'unsigned' || r.signatures.every((s) => s.verdict !== 'valid')).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(PdfVerifyError);
        expect(keys).toContain((e as PdfVerifyError).key);
      }
    };
    await expectKey(new Uint8Array(0), ['signing.verify_not_pdf']);
    await expectKey(new TextEncoder().encode('PK\u0003\u0004 this is a zip, not a pdf'), ['signing.verify_not_pdf']);
    await expectKey(new Uint8Array(16 * 1024 * 1024), ['signing.verify_too_large']);
    await expectKey(signedOnce.subarray(0, Math.floor(signedOnce.length / 2)), ['signing.verify_malformed']);
    await expectKey(signedOnce.subarray(0, 400), ['signing.verify_malformed']);
    // ByteRange tricks: point the range outside the file / overlapping
    const s = Buffer.from(signedOnce).toString('latin1');
    const tricked = s.replace(/\/ByteRange\s*\[[^\]]*\]/, (m) => m.replace(/\d+/g, (d, off) => (off > 15 ? String(Number(d) * 3).padStart(d.length, ' ').slice(-d.length) : d)));
    await expectKey(new Uint8Array(Buffer.from(tricked, 'latin1')), ['signing.verify_malformed']);
    // random byte flips (a little fuzzing)
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let k = 0; k < 25; k++) {
      const f = new Uint8Array(signedOnce);
      for (let j = 0; j < 20; j++) f[Math.floor(rnd() * f.length)] = Math.floor(rnd() * 256);
      await expectKey(f, ['signing.verify_malformed', 'signing.verify_not_pdf']).catch(() => undefined);
      const r = await verifyPdf(f, trust).catch((e) => e);
      expect(r instanceof PdfVerifyError || Array.isArray(r.signatures)).toBe(true);
    }
    // a compressed-stream "bomb": a tiny file whose page content inflates to 20 MB
    const bomb = deflateSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const head = `%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${bomb.length}/Filter/FlateDecode>>stream\n`;
    const bombPdf = Buffer.concat([Buffer.from(head, 'latin1'), bomb, Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1')]);
    const rb = await verifyPdf(new Uint8Array(bombPdf), trust).catch((e) => e);
    expect(rb instanceof PdfVerifyError || rb.verdict === 'unsigned').toBe(true);
  });
});

void x509;
