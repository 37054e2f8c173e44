import { describe, expect, it } from 'vitest';
import { imageInfo } from './image.js';
import { formatAngka, formatNip, formatTanggal, letterheadFromTenant, pemdaHeading, slugify } from './format.js';
import { makeLogoPng } from './testing/fixtures.js';

describe('Indonesian formatting for official documents', () => {
  it('[A2] heads the kop with the Pemda name by level without repeating words', () => {
    expect(pemdaHeading('Kota Contoh', 'kota')).toBe('PEMERINTAH KOTA CONTOH');
    expect(pemdaHeading('Contoh', 'kota')).toBe('PEMERINTAH KOTA CONTOH');
    expect(pemdaHeading('Kabupaten Contoh', 'kabupaten')).toBe('PEMERINTAH KABUPATEN CONTOH');
    expect(pemdaHeading('Kab. Contoh Selatan', 'kabupaten')).toBe('PEMERINTAH KABUPATEN CONTOH SELATAN');
    expect(pemdaHeading('Pemerintah Kabupaten Contoh', 'kabupaten')).toBe('PEMERINTAH KABUPATEN CONTOH');
    expect(pemdaHeading('Provinsi Jawa Tengah', 'provinsi')).toBe('PEMERINTAH PROVINSI JAWA TENGAH');
    expect(pemdaHeading('  kota   Contoh ', 'kota')).toBe('PEMERINTAH KOTA CONTOH');
    expect(pemdaHeading('Daerah Istimewa Yogyakarta', 'provinsi')).toBe('PEMERINTAH DAERAH DAERAH ISTIMEWA YOGYAKARTA');
    // A city whose name contains the word elsewhere keeps it.
    expect(pemdaHeading('Kotabaru', 'kabupaten')).toBe('PEMERINTAH KABUPATEN KOTABARU');
  });

  it('[A2] writes dates with Indonesian month names in the Pemda time zone', () => {
    expect(formatTanggal(new Date('2026-11-23T03:00:00Z'))).toBe('23 November 2026');
    expect(formatTanggal(new Date('2026-01-05T00:00:00Z'))).toBe('5 Januari 2026');
    // 18:30 UTC on 22 November is already 23 November in WIB, still 22 November in UTC.
    expect(formatTanggal(new Date('2026-11-22T18:30:00Z'))).toBe('23 November 2026');
    expect(formatTanggal(new Date('2026-11-22T18:30:00Z'), 'UTC')).toBe('22 November 2026');
    const months = Array.from({ length: 12 }, (_, m) => formatTanggal(new Date(Date.UTC(2026, m, 15))).split(' ')[1]);
    expect(months).toEqual([
      'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
      'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
    ]);
    expect(() => formatTanggal(new Date('x'))).toThrow(RangeError);
  });

  it('[A2] groups NIP digits and numbers the Indonesian way', () => {
    expect(formatNip('198001012005011001')).toBe('19800101 200501 1 001');
    expect(formatNip('19800101 200501 1 001')).toBe('19800101 200501 1 001');
    expect(formatNip('12345')).toBe('12345');
    expect(formatAngka(1234567)).toBe('1.234.567');
    expect(formatAngka(-1500.5)).toBe('-1.500,5');
    expect(formatAngka(0)).toBe('0');
  });

  it('[A2] builds the kop lines from the tenant profile', () => {
    const k = letterheadFromTenant({
      name: 'Kabupaten Contoh',
      level: 'kabupaten',
      dinasName: 'Dinas Komunikasi dan Informatika',
      address: 'Jalan Merdeka Nomor 1',
      phone: '(0274) 123456',
      email: 'diskominfo@contohkab.go.id',
      domain: 'https://contohkab.go.id',
    });
    expect(k).toEqual({
      pemda: 'PEMERINTAH KABUPATEN CONTOH',
      office: 'DINAS KOMUNIKASI DAN INFORMATIKA',
      address: 'Jalan Merdeka Nomor 1, Telepon (0274) 123456',
      contact: 'Laman contohkab.go.id, Pos-el diskominfo@contohkab.go.id',
      logo: null,
    });
    const bare = letterheadFromTenant({ name: 'Kota Contoh', level: 'kota', dinasName: ' ', address: null });
    expect(bare).toMatchObject({ pemda: 'PEMERINTAH KOTA CONTOH', office: null, address: null, contact: null });
  });

  it('[A2] names files and sniffs logo images', () => {
    expect(slugify('DAFTAR PERANGKAT DAERAH DAN PEJABAT')).toBe('daftar-perangkat-daerah-dan-pejabat');
    expect(slugify('Rekap Insiden — Triwulan I/2026')).toBe('rekap-insiden-triwulan-i-2026');
    expect(imageInfo(makeLogoPng(40, 50))).toEqual({ type: 'png', width: 40, height: 50 });
    expect(imageInfo(Buffer.from('bukan gambar'))).toBeNull();
    // A minimal JPEG header: SOI, APP0 (length 16), SOF0 with height 30, width 20.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.alloc(14), 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x1e, 0x00, 0x14,
      0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    ]);
    expect(imageInfo(jpeg)).toEqual({ type: 'jpg', width: 20, height: 30 });
  });
});
