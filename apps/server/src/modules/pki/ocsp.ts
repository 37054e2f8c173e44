import { createHash } from 'node:crypto';
import { OID, bitString, explicit, generalizedTime, oid, octets, seq, tlv, enumerated } from './der.js';
import type { IssuerHashes } from './certinfo.js';
import { REASON_CODE, signTbs, type CaSigner, type RevocationReason } from './crl.js';

/** A bounds-checked DER reader: any inconsistency throws, the caller answers malformedRequest. */
class Reader {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    readonly end: number,
  ) {}
  get done() {
    return this.pos >= this.end;
  }
  peekTag() {
    return this.pos < this.end ? this.buf[this.pos] : -1;
  }
  next(tag?: number): { tag: number; start: number; body: Buffer; inner: () => Reader } {
    const start = this.pos;
    if (start + 2 > this.end) throw new Error('truncated');
    const t = this.buf[start];
    if (tag !== undefined && t !== tag) throw new Error(`tag ${t} != ${tag}`);
    let l = this.buf[start + 1];
    let hdr = 2;
    if (l & 0x80) {
      const n = l & 0x7f;
      if (n === 0 || n > 4 || start + 2 + n > this.end) throw new Error('bad length');
      l = 0;
      for (let i = 0; i < n; i++) l = l * 256 + this.buf[start + 2 + i];
      hdr += n;
    }
    const bodyStart = start + hdr;
    const bodyEnd = bodyStart + l;
    if (bodyEnd > this.end) throw new Error('truncated');
    this.pos = bodyEnd;
    return { tag: t, start, body: this.buf.subarray(bodyStart, bodyEnd), inner: () => new Reader(this.buf, bodyStart, bodyEnd) };
  }
  raw(item: { start: number }) {
    return this.buf.subarray(item.start, this.pos);
  }
}

const HASH_BY_OID: Record<string, keyof IssuerHashes> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
const oidHex = Object.fromEntries(Object.entries(HASH_BY_OID).map(([o, h]) => [oid(o).toString('hex'), h]));
const NONCE_OID_HEX = oid(OID.ocspNonce).toString('hex');

export type OcspQuestion = { certIdDer: Buffer; hash: keyof IssuerHashes | null; nameHash: string; keyHash: string; serialHex: string };
export type ParsedOcspRequest = { questions: OcspQuestion[]; nonceExt: Buffer | null };

/** Parses an RFC 6960 OCSPRequest; throws on anything malformed. */
export function parseOcspRequest(der: Uint8Array): ParsedOcspRequest {
  const buf = Buffer.from(der);
  const top = new Reader(buf, 0, buf.length);
  const req = top.next(0x30);
  if (!top.done) throw new Error('trailing data');
  const r = req.inner();
  const tbs = r.next(0x30).inner();
  if (tbs.peekTag() === 0xa0) tbs.next(0xa0);
  if (tbs.peekTag() === 0xa1) tbs.next(0xa1);
  const list = tbs.next(0x30).inner();
  const questions: OcspQuestion[] = [];
  while (!list.done) {
    const one = list.next(0x30).inner();
    const certIdItem = one.next(0x30);
    const certIdDer = one.raw(certIdItem);
    const c = certIdItem.inner();
    const alg = c.next(0x30).inner();
    const algOid = alg.next(0x06);
    const nameHash = c.next(0x04).body.toString('hex');
    const keyHash = c.next(0x04).body.toString('hex');
    const serial = c.next(0x02).body;
    if (!serial.length || serial.length > 40) throw new Error('bad serial');
    questions.push({
      certIdDer,
      hash: oidHex[buf.subarray(algOid.start, algOid.start + 2 + algOid.body.length).toString('hex')] ?? null,
      nameHash,
      keyHash,
      serialHex: serial.toString('hex').replace(/^(00)+(?=[0-9a-f]{2})/, ''),
    });
  }
  if (!questions.length || questions.length > 20) throw new Error('no or too many requests');
  let nonceExt: Buffer | null = null;
  if (tbs.peekTag() === 0xa2) {
    const exts = tbs.next(0xa2).inner().next(0x30).inner();
    while (!exts.done) {
      const e = exts.next(0x30);
      const ei = e.inner();
      const o = ei.next(0x06);
      if (buf.subarray(o.start, ei.pos).toString('hex') === NONCE_OID_HEX) {
        nonceExt = exts.raw(e);
        if (nonceExt.length > 140) throw new Error('nonce too long');
      }
    }
  }
  return { questions, nonceExt };
}

export type CertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date; reason: RevocationReason } | { status: 'unknown' };

const RESPONSE_STATUS = { successful: 0, malformedRequest: 1, internalError: 2, tryLater: 3, unauthorized: 6 } as const;

export function ocspError(status: Exclude<keyof typeof RESPONSE_STATUS, 'successful'>): Buffer {
  return seq(enumerated(RESPONSE_STATUS[status]));
}

const seconds = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

/**
 * Builds and signs a BasicOCSPResponse (responder by key hash, certs = [signer]), SHA-256/384 ECDSA.
 * Times are GeneralizedTime in whole seconds; the request's CertID bytes are echoed.
 */
export function buildOcspResponse(p: {
  answers: { certIdDer: Buffer; status: CertStatus }[];
  nonceExt: Buffer | null;
  signerCertDer: Buffer;
  signerKeyHashSha1: Buffer;
  signer: CaSigner;
  now?: Date;
  validitySeconds?: number;
}): Buffer {
  const now = seconds(p.now ?? new Date());
  const next = new Date(now.getTime() + (p.validitySeconds ?? 4 * 3600) * 1000);
  const thisUpdate = generalizedTime(now);
  const nextUpdate = explicit(0, generalizedTime(next));
  const singles = p.answers.map((a) => {
    let status: Buffer;
    if (a.status.status === 'good') status = Buffer.from([0x80, 0x00]);
    else if (a.status.status === 'unknown') status = Buffer.from([0x82, 0x00]);
    else {
      const parts = [generalizedTime(seconds(a.status.revokedAt))];
      if (a.status.reason !== 'unspecified') parts.push(explicit(0, enumerated(REASON_CODE[a.status.reason])));
      status = tlv(0xa1, ...parts);
    }
    return seq(a.certIdDer, status, thisUpdate, nextUpdate);
  });
  const responderId = tlv(0xa2, octets(p.signerKeyHashSha1));
  const exts = p.nonceExt ? [tlv(0xa1, seq(p.nonceExt))] : [];
  const tbs = seq(responderId, generalizedTime(now), seq(...singles), ...exts);
  const { algId, signature } = signTbs(p.signer, tbs);
  const basic = seq(tbs, algId, bitString(signature), explicit(0, seq(p.signerCertDer)));
  return seq(enumerated(0), explicit(0, seq(oid(OID.ocspBasic), octets(basic))));
}

export const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest();
