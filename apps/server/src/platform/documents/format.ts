/**
 * Indonesian formatting used by official documents: Pemda headings, dates with Indonesian
 * month names, NIP grouping and numbers with "." thousands separators.
 */
import type { Letterhead, TenantLetterheadInfo, TenantLevel } from './types.js';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

export const BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (and time) of an instant in a time zone. */
export function zonedParts(
  date: Date,
  timeZone = DEFAULT_TIME_ZONE,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let fmt = partsCache.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(date)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** "23 November 2026" — the date of `date` in the given time zone (default WIB). */
export function formatTanggal(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const { year, month, day } = zonedParts(date, timeZone);
  return `${day} ${BULAN[month - 1]} ${year}`;
}

/** "19800101 200501 1 001" for an 18-digit NIP; any other value is returned trimmed. */
export function formatNip(nip: string): string {
  const s = nip.replace(/\s+/g, '');
  if (!/^\d{18}$/.test(s)) return nip.trim();
  return `${s.slice(0, 8)} ${s.slice(8, 14)} ${s.slice(14, 15)} ${s.slice(15)}`;
}

/** "1.234.567" (Indonesian thousands separator). */
export function formatAngka(n: number): string {
  if (!Number.isFinite(n)) return '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

const LEVEL_WORD: Record<TenantLevel, string> = {
  provinsi: 'PROVINSI',
  kabupaten: 'KABUPATEN',
  kota: 'KOTA',
};

// Prefixes a tenant name may already carry ("Kota Contoh", "Pemerintah Kab. Contoh").
const NAME_PREFIXES = [
  /^pemerintah\s+/i,
  /^pemkot\s+/i,
  /^pemkab\s+/i,
  /^pemprov\s+/i,
  /^kota\s+administrasi\s+/i,
  /^kota\s+/i,
  /^kabupaten\s+/i,
  /^kab\.?\s+/i,
  /^provinsi\s+/i,
  /^prov\.?\s+/i,
];

/** The region's own name without any level prefix: "Kota Contoh" → "Contoh". */
export function regionName(name: string): string {
  let s = name.trim().replace(/\s+/g, ' ');
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of NAME_PREFIXES) {
      const next = s.replace(re, '');
      if (next !== s && next.length > 0) {
        s = next;
        changed = true;
      }
    }
  }
  return s;
}

/**
 * "PEMERINTAH KOTA CONTOH" / "PEMERINTAH KABUPATEN CONTOH" / "PEMERINTAH PROVINSI CONTOH".
 * Words already in the tenant name are not repeated. A province named "Daerah Istimewa …"
 * is a "PEMERINTAH DAERAH DAERAH ISTIMEWA …" (its official style).
 */
export function pemdaHeading(name: string, level: TenantLevel): string {
  const region = regionName(name);
  if (level === 'provinsi' && /^daerah\s+istimewa\b/i.test(region)) {
    return `PEMERINTAH DAERAH ${region}`.toUpperCase();
  }
  return `PEMERINTAH ${LEVEL_WORD[level]} ${region}`.toUpperCase();
}

const clean = (v: string | null | undefined): string | null => {
  const s = v?.trim().replace(/\s+/g, ' ');
  return s ? s : null;
};

/**
 * Builds the kop surat from a tenant profile. As in Permendagri 1/2023 examples, the first
 * small line is the address with the telephone, the second the website and e-mail.
 */
export function letterheadFromTenant(t: TenantLetterheadInfo, logo?: Buffer | null): Letterhead {
  const phone = clean(t.phone);
  const address = [clean(t.address), phone && `Telepon ${phone}`].filter(Boolean).join(', ');
  const domain = clean(t.domain)?.replace(/^https?:\/\//i, '');
  const contact = [domain && `Laman ${domain}`, clean(t.email) && `Pos-el ${clean(t.email)}`].filter(Boolean).join(', ');
  return {
    pemda: pemdaHeading(t.name, t.level),
    office: clean(t.dinasName)?.toUpperCase() ?? null,
    address: address || null,
    contact: contact || null,
    logo: logo && logo.length > 0 ? logo : null,
  };
}

/** A file-name-safe slug: "Daftar Perangkat Daerah" → "daftar-perangkat-daerah". */
export function slugify(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'dokumen'
  );
}

/** "2026-11-23" in the given time zone, for file names. */
export function isoDay(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const { year, month, day } = zonedParts(date, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
