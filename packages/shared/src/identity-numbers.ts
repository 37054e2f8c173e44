/**
 * Validation of Indonesian identity numbers.
 *
 * NIP (Nomor Induk Pegawai, PP 11/2017 practice): 18 digits
 *   YYYYMMDD birth date · YYYYMM TMT CPNS · 1 sex digit (1 male, 2 female) · 3-digit sequence.
 * NIK (Nomor Induk Kependudukan, UU Adminduk): 16 digits
 *   PP KK CC region code · DDMMYY birth date (DD + 40 for women) · 4-digit sequence.
 */

export type NipParts = {
  birthDate: string; // YYYY-MM-DD
  tmt: string; // YYYY-MM (terhitung mulai tanggal CPNS)
  sex: 'L' | 'P';
  sequence: number;
};

/** Message keys (see messages.ts) so that the web and the API speak both languages. */
export type IdNumberError =
  | 'nip.length'
  | 'nip.birth_date'
  | 'nip.tmt'
  | 'nip.tmt_before_adult'
  | 'nip.sex'
  | 'nip.sequence'
  | 'nik.length'
  | 'nik.region'
  | 'nik.birth_date';

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function parseNip(
  value: string,
  today: Date = new Date(),
): { ok: true; parts: NipParts } | { ok: false; error: IdNumberError } {
  if (!/^\d{18}$/.test(value)) return { ok: false, error: 'nip.length' };
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(4, 6));
  const d = Number(value.slice(6, 8));
  if (y < 1930 || !isRealDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) {
    return { ok: false, error: 'nip.birth_date' };
  }
  const ty = Number(value.slice(8, 12));
  const tm = Number(value.slice(12, 14));
  const tmtStart = Date.UTC(ty, tm - 1, 1);
  if (tm < 1 || tm > 12 || ty < 1950 || tmtStart > today.getTime()) return { ok: false, error: 'nip.tmt' };
  // A civil servant is appointed as an adult: TMT CPNS at least 17 years after birth.
  if (ty * 12 + tm < (y + 17) * 12 + m) return { ok: false, error: 'nip.tmt_before_adult' };
  const sexDigit = value[14];
  if (sexDigit !== '1' && sexDigit !== '2') return { ok: false, error: 'nip.sex' };
  const sequence = Number(value.slice(15, 18));
  if (sequence < 1) return { ok: false, error: 'nip.sequence' };
  return {
    ok: true,
    parts: {
      birthDate: `${y}-${pad(m)}-${pad(d)}`,
      tmt: `${ty}-${pad(tm)}`,
      sex: sexDigit === '1' ? 'L' : 'P',
      sequence,
    },
  };
}

export type NikParts = { regionCode: string; birthDate: string; sex: 'L' | 'P' };

export function parseNik(
  value: string,
  today: Date = new Date(),
): { ok: true; parts: NikParts } | { ok: false; error: IdNumberError } {
  if (!/^\d{16}$/.test(value)) return { ok: false, error: 'nik.length' };
  const province = Number(value.slice(0, 2));
  if (province < 11 || province > 96) return { ok: false, error: 'nik.region' };
  let d = Number(value.slice(6, 8));
  const m = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const sex: 'L' | 'P' = d > 40 ? 'P' : 'L';
  if (d > 40) d -= 40;
  const century = 2000 + yy <= today.getUTCFullYear() ? 2000 : 1900;
  const y = century + yy;
  if (!isRealDate(y, m, d)) return { ok: false, error: 'nik.birth_date' };
  return { ok: true, parts: { regionCode: value.slice(0, 6), birthDate: `${y}-${pad(m)}-${pad(d)}`, sex } };
}
