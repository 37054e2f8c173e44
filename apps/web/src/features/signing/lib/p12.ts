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
