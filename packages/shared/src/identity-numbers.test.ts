import { describe, expect, it } from 'vitest';
import { parseNik, parseNip } from './identity-numbers.js';
import { ZPersonInput } from './contracts/org.js';
import { ZPassword } from './contracts/auth.js';

const today = new Date('2026-11-23T00:00:00Z');

describe('NIP', () => {
  it('[A3] splits a valid NIP into birth date, TMT, sex and sequence', () => {
    expect(parseNip('198503152010011001', today)).toEqual({
      ok: true,
      parts: { birthDate: '1985-03-15', tmt: '2010-01', sex: 'L', sequence: 1 },
    });
    expect(parseNip('199107072017082008', today)).toMatchObject({ ok: true, parts: { sex: 'P' } });
  });

  it('[A3] names the broken part of an invalid NIP', () => {
    expect(parseNip('19850315201001100', today)).toEqual({ ok: false, error: 'nip.length' });
    expect(parseNip('19850230201001100a', today)).toEqual({ ok: false, error: 'nip.length' });
    expect(parseNip('198502302010011001', today)).toEqual({ ok: false, error: 'nip.birth_date' });
    expect(parseNip('203001012050011001', today)).toEqual({ ok: false, error: 'nip.birth_date' });
    expect(parseNip('198503152010001001', today)).toEqual({ ok: false, error: 'nip.tmt' });
    expect(parseNip('198503152030011001', today)).toEqual({ ok: false, error: 'nip.tmt' });
    expect(parseNip('198503151995011001', today)).toEqual({ ok: false, error: 'nip.tmt_before_adult' });
    expect(parseNip('198503152010013001', today)).toEqual({ ok: false, error: 'nip.sex' });
    expect(parseNip('198503152010011000', today)).toEqual({ ok: false, error: 'nip.sequence' });
  });
});

describe('NIK', () => {
  it('[A3] reads birth date and sex (day + 40 for women) from a NIK', () => {
    expect(parseNik('3571014507900002', today)).toEqual({ ok: true, parts: { regionCode: '357101', birthDate: '1990-07-05', sex: 'P' } });
    expect(parseNik('3571010507050002', today)).toMatchObject({ ok: true, parts: { birthDate: '2005-07-05', sex: 'L' } });
    expect(parseNik('0071010507050002', today)).toEqual({ ok: false, error: 'nik.region' });
    expect(parseNik('3571013207900002', today)).toEqual({ ok: false, error: 'nik.birth_date' });
    expect(parseNik('357101', today)).toEqual({ ok: false, error: 'nik.length' });
  });
});

describe('form contracts', () => {
  it('[A3] requires a NIP for civil servants and a NIK for others', () => {
    const base = { fullName: 'Budi', email: 'budi@x.go.id', opdId: '6f1c2a9e-3b7d-4c1a-9f1e-2d3c4b5a6e7f' };
    const asn = ZPersonInput.safeParse({ ...base, kind: 'asn' });
    expect(asn.success).toBe(false);
    expect(asn.error!.issues[0]).toMatchObject({ path: ['nip'], message: 'person.id_required' });
    expect(ZPersonInput.safeParse({ ...base, kind: 'non_asn', nik: '3571014507900002' }).success).toBe(true);
  });

  it('[A4] applies the password policy of Peraturan BSSN 4/2021', () => {
    expect(ZPassword.safeParse('Sandi-Kuat#2026').success).toBe(true);
    const weak = ZPassword.safeParse('sandilemah');
    expect(weak.error!.issues.map((i) => i.message)).toEqual(['password.min_length', 'password.upper', 'password.digit', 'password.symbol']);
  });
});
