import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/**
 * A PKCS#12 backup of a browser-generated key (made once, at generation time, before only a
 * non-extractable copy is kept): PBES2/PBKDF2-SHA256/AES-256-CBC, 100k iterations, SHA-256 MAC.
 */
export async function buildP12(opts: { pkcs8: Uint8Array; certDer: Uint8Array; chainDer?: Uint8Array[]; password: string; friendlyName?: string }): Promise<Uint8Array> {
  const password = ab(new TextEncoder().encode(opts.password));
  const pbes2 = { password, contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 }, hmacHashAlgorithm: 'SHA-256', iterationCount: 100_000 } as any;
  const localKeyId = new Uint8Array(await crypto.subtle.digest('SHA-256', ab(opts.certDer))).slice(0, 20);
  const bagAttrs = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.21', values: [new asn1js.OctetString({ valueHex: ab(localKeyId) })] }),
    ...(opts.friendlyName ? [new pkijs.Attribute({ type: '1.2.840.113549.1.9.20', values: [new asn1js.BmpString({ value: opts.friendlyName })] })] : []),
  ];
  const keyInfo = pkijs.PrivateKeyInfo.fromBER(ab(opts.pkcs8));
  const shrouded = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  await shrouded.makeInternalValues(pbes2);
  const certBags = [opts.certDer, ...(opts.chainDer ?? [])].map(
    (der, i) =>
      new pkijs.SafeBag({
        bagId: '1.2.840.113549.1.12.10.1.3',
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(ab(der)) }),
        ...(i === 0 ? { bagAttributes: bagAttrs } : {}),
      }),
  );
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: '1.2.840.113549.1.12.10.1.2', bagValue: shrouded, bagAttributes: bagAttrs })] }) },
            { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, pbes2] });
  await pfx.makeInternalValues({ password, iterations: 100_000, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' } as any);
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/** Reads a PKCS#12 (ours, OpenSSL's or a CA's PBES2 file): the private key (PKCS#8) and the certificates, leaf first. */
export async function readP12(bytes: Uint8Array, password: string): Promise<{ pkcs8: Uint8Array; certDer: Uint8Array; chainDer: Uint8Array[] }> {
  const pw = ab(new TextEncoder().encode(password));
  const pfx = pkijs.PFX.fromBER(ab(bytes));
  await pfx.parseInternalValues({ password: pw, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('empty p12');
  await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pw })) });
  let pkcs8: Uint8Array | null = null;
  let keyId: string | null = null;
  const certs: Array<{ der: Uint8Array; keyId: string | null }> = [];
  const hex = (u: ArrayBuffer) => Array.from(new Uint8Array(u), (b) => b.toString(16).padStart(2, '0')).join('');
  const localKeyId = (bag: pkijs.SafeBag) => {
    const a = bag.bagAttributes?.find((x) => x.type === '1.2.840.113549.1.9.21');
    return a ? hex((a.values[0] as asn1js.OctetString).valueBlock.valueHexView.slice().buffer) : null;
  };
  for (const sc of safe.parsedValue?.safeContents ?? []) {
    for (const bag of (sc.value as pkijs.SafeContents).safeBags) {
      if (bag.bagId === '1.2.840.113549.1.12.10.1.2') {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password: pw });
        pkcs8 = new Uint8Array(shrouded.parsedValue!.toSchema().toBER(false));
        keyId = localKeyId(bag);
      } else if (bag.bagId === '1.2.840.113549.1.12.10.1.1') {
        pkcs8 = new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
        keyId = localKeyId(bag);
      } else if (bag.bagId === '1.2.840.113549.1.12.10.1.3') {
        const cert = (bag.bagValue as pkijs.CertBag).parsedValue as pkijs.Certificate;
        certs.push({ der: new Uint8Array(cert.toSchema().toBER(false)), keyId: localKeyId(bag) });
      }
    }
  }
  if (!pkcs8 || !certs.length) throw new Error('no key or certificate');
  const leafIndex = Math.max(0, certs.findIndex((c) => c.keyId && c.keyId === keyId));
  const [leaf] = certs.splice(leafIndex, 1);
  return { pkcs8, certDer: leaf.der, chainDer: certs.map((c) => c.der) };
}
