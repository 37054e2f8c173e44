/** Test fixtures: a sample Pemda, OPD lists and a generated PNG logo. */
import { deflateSync } from 'node:zlib';
import type { OpdOfficialsInput, OpdOfficialRow } from '../opd-officials.js';

export const HOSTILE = 'Budi #set text(red) *x* $y$';
export const HOSTILE_FULL = `${HOSTILE} ] " \\ <b>&amp; #{panic()}`;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** An RGBA PNG of w×h pixels: a green oval (the stand-in for a Pemda emblem). */
export function makeLogoPng(w = 96, h = 120): Buffer {
  const stride = w * 4 + 1;
  const raw = Buffer.alloc(stride * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = (x - w / 2) / (w / 2);
      const dy = (y - h / 2) / (h / 2);
      if (dx * dx + dy * dy < 0.9) raw.set([20, 90, 40, 255], y * stride + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function makeOpds(n: number): OpdOfficialRow[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `1.${String(i + 1).padStart(2, '0')}.01`,
    name: `Dinas Urusan Pemerintahan Nomor ${i + 1}`,
    headName: i % 7 === 3 ? null : `Budi Santoso ${i + 1}, S.Kom., M.T.`,
    headNip: i % 7 === 3 ? null : '198001012005011001',
    peopleCount: 10 + i * 3,
  }));
}

export function sampleInput(overrides: Partial<OpdOfficialsInput> = {}): OpdOfficialsInput {
  return {
    tenant: {
      name: 'Kota Contoh',
      level: 'kota',
      headTitle: 'Wali Kota',
      dinasName: 'Dinas Komunikasi dan Informatika',
      address: 'Jalan Merdeka Nomor 1, Contoh 12345',
      phone: '(021) 1234567',
      email: 'diskominfo@contohkota.go.id',
      domain: 'contohkota.go.id',
    },
    opds: makeOpds(5),
    signer: {
      place: 'Contoh',
      position: 'Kepala Dinas Komunikasi dan Informatika',
      name: 'Dr. SITI AMINAH, S.T., M.Si.',
      nip: '197502152000032001',
    },
    // 23 November 2026, 10:00 WIB
    date: new Date('2026-11-23T03:00:00Z'),
    ...overrides,
  };
}
