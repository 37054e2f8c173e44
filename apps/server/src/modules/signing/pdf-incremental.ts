import { createHash } from 'node:crypto';
import { PdfArray, PdfDict, PdfRef, type PDF } from '@libpdf/core';

/**
 * The fast PAdES path (bench findings §14): @libpdf/core writes only the first incremental
 * update (signature field + signature dictionary with placeholders). Everything after it —
 * ByteRange patch, digest, Contents patch and the DSS update — is done here on the bytes,
 * without re-parsing the document.
 */

/** Serializes libpdf objects with their own `toBytes(writer)` (the writer class is not exported). */
class MiniWriter {
  private chunks: Uint8Array[] = [];
  private enc = new TextEncoder();
  writeByte(b: number) {
    this.chunks.push(new Uint8Array([b]));
  }
  writeBytes(b: Uint8Array) {
    this.chunks.push(b);
  }
  writeAscii(s: string) {
    this.chunks.push(this.enc.encode(s));
  }
  writeUtf8(s: string) {
    this.chunks.push(this.enc.encode(s));
  }
  bytes() {
    return Buffer.concat(this.chunks);
  }
}

export function serialize(obj: { toBytes(w: unknown): void }): Buffer {
  const w = new MiniWriter();
  obj.toBytes(w);
  return w.bytes();
}

/** A raw token written as-is (libpdf's own PdfRaw is not exported; dict serialization is duck-typed). */
export const raw = (s: string) => {
  const bytes = new TextEncoder().encode(s);
  return { type: 'raw', bytes, toBytes: (w: MiniWriter) => w.writeBytes(bytes) } as unknown as PdfRef;
};

export const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

/** Where the placeholders are in the first update, and the ByteRange written into it. */
export function patchByteRange(buf: Buffer) {
  const brKey = buf.lastIndexOf('/ByteRange');
  if (brKey < 0) throw new Error('no ByteRange');
  const brStart = buf.indexOf('[', brKey);
  const brEnd = buf.indexOf(']', brStart);
  const cKey = buf.indexOf('/Contents', brKey);
  const alt = buf.lastIndexOf('/Contents', brKey);
  // the Contents entry may come before or after ByteRange in the dictionary; take the nearer one
  const contentsKey = cKey >= 0 && (alt < 0 || cKey - brKey < brKey - alt) ? cKey : alt;
  const lt = buf.indexOf('<', contentsKey);
  const gt = buf.indexOf('>', lt);
  if (brStart < 0 || brEnd < 0 || contentsKey < 0 || lt < 0 || gt < 0) throw new Error('no placeholders');
  const contentsStart = lt + 1;
  const contentsLength = gt - contentsStart;
  const len1 = contentsStart - 1;
  const off2 = gt + 1;
  const len2 = buf.length - off2;
  const value = `[0 ${String(len1).padEnd(10)} ${String(off2).padEnd(10)} ${String(len2).padEnd(10)}]`;
  if (value.length !== brEnd - brStart + 1) throw new Error('ByteRange length');
  buf.write(value, brStart, 'latin1');
  const digest = createHash('sha256').update(buf.subarray(0, len1)).update(buf.subarray(off2)).digest();
  return { contentsStart, contentsLength, digest: new Uint8Array(digest) };
}

export function patchContents(buf: Buffer, at: { contentsStart: number; contentsLength: number }, cms: Uint8Array) {
  const hexSig = Buffer.from(cms).toString('hex');
  if (hexSig.length > at.contentsLength) throw new Error('signature too large');
  buf.write(hexSig.padEnd(at.contentsLength, '0'), at.contentsStart, 'latin1');
}

/** What the DSS update needs from the document as it stands after the first update. */
export type DssPlan = {
  catalogNum: number;
  catalogGen: number;
  /** The catalog dictionary without /DSS, serialized. */
  catalogBody: string;
  /** Existing DSS content (co-signing keeps the earlier validation data). */
  prevCerts: string[];
  prevOcsps: string[];
  prevCrls: string[];
  prevOther: string;
};

export function dssPlan(pdf: PDF): DssPlan {
  const registry = (pdf as unknown as { context: { registry: { resolve(r: unknown): unknown } } }).context.registry;
  const deref = (v: unknown) => (v instanceof PdfRef ? registry.resolve(v) : v);
  const trailer = (pdf as unknown as { context: { info: { trailer: PdfDict } } }).context.info.trailer;
  const rootRef = trailer.getRef('Root');
  if (!rootRef) throw new Error('no Root');
  const catalog = pdf.getCatalog() as unknown as PdfDict;
  const plan: DssPlan = { catalogNum: rootRef.objectNumber, catalogGen: rootRef.generation, catalogBody: '', prevCerts: [], prevOcsps: [], prevCrls: [], prevOther: '' };
  const old = deref(catalog.get('DSS'));
  if (old instanceof PdfDict) {
    const refs = (key: string) => {
      const a = deref(old.get(key));
      if (!(a instanceof PdfArray)) return [];
      const out: string[] = [];
      for (let i = 0; i < a.length; i++) {
        const it = a.at(i);
        if (it instanceof PdfRef) out.push(`${it.objectNumber} ${it.generation} R`);
      }
      return out;
    };
    plan.prevCerts = refs('Certs');
    plan.prevOcsps = refs('OCSPs');
    plan.prevCrls = refs('CRLs');
    const vri = old.get('VRI');
    if (vri) plan.prevOther = `/VRI ${serialize(vri as never).toString('latin1')}`;
  }
  const copy = new PdfDict();
  for (const [k, v] of (catalog as unknown as { entries: Map<{ value: string }, unknown> }).entries) if (k.value !== 'DSS') copy.set(k.value, v as never);
  const body = serialize(copy as never).toString('latin1');
  plan.catalogBody = body.trim().replace(/>>$/, '');
  return plan;
}

/** The trailer of the last update: /Size, /Root, /Info, /ID and its xref offset (for /Prev). */
export function lastTrailer(buf: Buffer) {
  const sx = buf.lastIndexOf('startxref');
  const m = /startxref\s+(\d+)/.exec(buf.subarray(sx, sx + 40).toString('latin1'));
  if (!m) throw new Error('no startxref');
  const prev = Number(m[1]);
  const head = buf.subarray(prev, Math.min(buf.length, prev + 64)).toString('latin1');
  let dict: string;
  if (head.startsWith('xref')) {
    const t = buf.indexOf('trailer', prev);
    dict = buf.subarray(t, sx).toString('latin1');
  } else {
    const s = buf.indexOf('stream', prev);
    dict = buf.subarray(prev, s).toString('latin1');
  }
  const size = /\/Size\s+(\d+)/.exec(dict);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(dict);
  if (!size || !root) throw new Error('trailer');
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(dict)?.[1];
  const id = /\/ID\s*(\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\])/.exec(dict)?.[1];
  return { prev, size: Number(size[1]), root: root[1], info, id };
}

/**
 * Appends the DSS as a second incremental update (classic xref section): a stream per
 * certificate / OCSP response / CRL, the DSS dictionary and the catalog pointing to it.
 */
export function appendDss(signed: Buffer, plan: DssPlan, data: { certs: Uint8Array[]; ocsps: Uint8Array[]; crls: Uint8Array[] }): Buffer {
  const t = lastTrailer(signed);
  let next = t.size;
  const parts: Buffer[] = [Buffer.from('\n', 'latin1')];
  let pos = signed.length + 1;
  const offsets: Array<[number, number, number]> = []; // num, gen, offset
  const add = (num: number, gen: number, body: Buffer[]) => {
    offsets.push([num, gen, pos]);
    const head = Buffer.from(`${num} ${gen} obj\n`, 'latin1');
    const all = [head, ...body, Buffer.from('\nendobj\n', 'latin1')];
    for (const b of all) {
      parts.push(b);
      pos += b.length;
    }
  };
  const streams = (items: Uint8Array[]) =>
    items.map((d) => {
      const num = next++;
      add(num, 0, [Buffer.from(`<< /Length ${d.length} >>\nstream\n`, 'latin1'), Buffer.from(d), Buffer.from('\nendstream', 'latin1')]);
      return `${num} 0 R`;
    });
  const certs = [...plan.prevCerts, ...streams(data.certs)];
  const ocsps = [...plan.prevOcsps, ...streams(data.ocsps)];
  const crls = [...plan.prevCrls, ...streams(data.crls)];
  const dssNum = next++;
  const arr = (key: string, xs: string[]) => (xs.length ? ` /${key} [${xs.join(' ')}]` : '');
  add(dssNum, 0, [Buffer.from(`<< /Type /DSS${arr('Certs', certs)}${arr('OCSPs', ocsps)}${arr('CRLs', crls)}${plan.prevOther ? ` ${plan.prevOther}` : ''} >>`, 'latin1')]);
  add(plan.catalogNum, plan.catalogGen, [Buffer.from(`${plan.catalogBody} /DSS ${dssNum} 0 R >>`, 'latin1')]);
  // xref: one subsection per object (sorted), 20-byte entries
  const xrefAt = pos;
  const rows = offsets.sort((a, b) => a[0] - b[0]);
  let xref = 'xref\n0 1\n0000000000 65535 f\r\n';
  for (const [num, gen, off] of rows) xref += `${num} 1\n${String(off).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
  xref += `trailer\n<< /Size ${next} /Root ${t.root}${t.info ? ` /Info ${t.info}` : ''}${t.id ? ` /ID ${t.id}` : ''} /Prev ${t.prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat([signed, ...parts]);
}
