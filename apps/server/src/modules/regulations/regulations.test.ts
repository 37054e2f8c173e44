import ExcelJS from 'exceljs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, login, makeTenant, startTestApp, type TestApp } from '../../../test/harness.js';
import { pdfPages, squash } from '../../platform/documents/testing/pdf-text.js';
import { unzip } from '../../platform/documents/testing/zip.js';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { systemActor } from '../../platform/context/actor.js';
import type { EvidenceCheck } from '../../platform/compliance/evidence.js';
import { decideObligation } from './compliance.evaluator.js';
import { regulationsModule } from './index.js';
import { loadSharedLibrary } from './regulations.library.js';
import type { ComplianceService } from './compliance.service.js';

let t: TestApp;
let api: ReturnType<typeof client>;
let cookie: string;
let tenantId: string;

beforeAll(async () => {
  t = await startTestApp();
  const m = await makeTenant(t);
  tenantId = m.tenant.id;
  cookie = await login(t, m.email);
  api = client(t, cookie);
});
afterAll(() => t?.stop());

function multipart(name: string, data: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----persadareg' + Date.now();
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  parts.push(data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}
const upload = async (url: string, name: string, data: Buffer, fields: Record<string, string> = {}, ck = cookie) => {
  const m = multipart(name, data, fields);
  const res = await t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, cookie: ck } });
  return { status: res.statusCode, body: res.json() };
};

const bySeed = async (code: string) => {
  const res = await api.get(`/api/regulations?q=${code}`);
  return res.body.items.find((r: any) => r.code === code);
};
const day = (d: number) => new Date(Date.now() + 7 * 3600_000 + d * 86_400_000).toISOString().slice(0, 10);

const ownDoc = (over: Record<string, unknown> = {}) => ({
  code: 'PERWAL-UJI-7-2024',
  kind: 'perwal',
  issuer: 'Wali Kota Uji',
  region: 'Kota Uji',
  number: '7',
  year: 2024,
  title: 'Pengamanan Informasi di Lingkungan Pemerintah Kota Uji',
  status: 'berlaku',
  version: 1,
  effectiveDate: '2024-02-01',
  articles: [
    { number: '1', chapter: 'BAB I KETENTUAN UMUM', clauses: [{ angka: '1', text: 'Daerah adalah Kota Uji.' }] },
    {
      number: '2',
      chapter: 'BAB II PENYELENGGARAAN',
      clauses: [
        { ayat: '1', text: 'Dinas menyelenggarakan persandian.' },
        { ayat: '2', huruf: 'a', text: 'menyusun rencana strategis;' },
      ],
    },
  ],
  obligations: [
    { article: '2', ref: 'ayat (1)', text: 'Dinas penyelenggara persandian ditetapkan.', bearer: 'pemda', frequency: 'once', requirements: ['A1'], evidence: 'org.persandian_dinas_designated' },
    { article: '2', ref: 'ayat (2) huruf a', text: 'Menyusun rencana strategis.', bearer: 'dinas', frequency: 'every_5_years', requirements: ['B1'] },
  ],
  ...over,
});

describe('regulation library', () => {
  it('[R-REG] ships the five seeds article by article, with counts matching the documents', async () => {
    const res = await api.get('/api/regulations?pageSize=50');
    expect(res.status).toBe(200);
    const codes = Object.fromEntries(res.body.items.filter((r: any) => r.shared).map((r: any) => [r.code, r.articleCount]));
    // JBI-35: Pasal 1–31; JBI-10: Pasal 1–26; MDN-30: Pasal 1–28 (five headings lost in the OCR, restored);
    // MJK-40: Pasal 1–19; JMB-MONEV carries the Perbup 49/2016 excerpt Pasal 1, 15, 16, 19.
    expect(codes).toMatchObject({ 'JBI-35': 31, 'JBI-10': 26, 'MDN-30': 28, 'MJK-40': 19, 'JMB-49': 4 });
  });

  it('[R-REG] [K4] reads MDN-30 Pasal 7 with its ayat, huruf and mapped obligations', async () => {
    const mdn = await bySeed('MDN-30');
    const res = await api.get(`/api/regulations/${mdn.id}`);
    expect(res.status).toBe(200);
    expect(res.body.articles.map((a: any) => a.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    const p7 = res.body.articles.find((a: any) => a.number === '7');
    expect(p7.chapter).toBe('BAB III TATA KELOLA PENGGUNAAN SERTIFIKAT ELEKTRONIK');
    expect(p7.clauses.find((c: any) => c.ayat === '3').text).toMatch(/wajib memiliki Sertifikat Elektronik/);
    expect(p7.clauses.filter((c: any) => c.ayat === '5' && c.huruf).map((c: any) => c.huruf)).toEqual(['a', 'b', 'c']);
    expect(p7.obligations.map((o: any) => o.requirements).flat()).toContain('K4');
    const p3 = res.body.articles.find((a: any) => a.number === '3');
    expect(p3.clauses[0].text).toMatch(/^Dinas Komunikasi dan Informatika memiliki tugas/);
    expect(res.body.legalBasis.length).toBeGreaterThan(5);
  });

  it('[M1] [B10] encodes the JMB-MONEV reporting duty as a document-level obligation', async () => {
    const jmb = await bySeed('JMB-49');
    const res = await api.get(`/api/regulations/${jmb.id}`);
    expect(res.body.generalObligations[0]).toMatchObject({ frequency: 'yearly', requirements: ['M1', 'B10'] });
    expect(res.body.articles.find((a: any) => a.number === '19').clauses.some((c: any) => /radiogram/.test(c.text))).toBe(true);
  });

  it('[R-REG] binds and unbinds a regulation, audited', async () => {
    const mdn = await bySeed('MDN-30');
    const on = await api.put(`/api/regulations/${mdn.id}/binding`, { bound: true });
    expect(on.body.bound).toBe(true);
    expect((await api.get('/api/regulations?bound=true')).body.items.map((r: any) => r.code)).toEqual(['MDN-30']);
    const off = await api.put(`/api/regulations/${mdn.id}/binding`, { bound: false });
    expect(off.body.bound).toBe(false);
    const audit = await api.get('/api/audit?entity=regulation');
    expect(JSON.stringify(audit.body)).toMatch(/bind/);
  });
  it('[R-REG] a corrected obligation in a shipped file reaches an existing database without a new version', async () => {
    await api.get('/api/regulations'); // the library is loaded
    const db = t.deps.database.db;
    const one = async (q: ReturnType<typeof sql>) => rowsOf<any>(await db.execute(q))[0];
    const reg = await one(sql`select id from regulations where tenant_id is null and code = 'JBI-35' and status <> 'diganti' order by version desc limit 1`);
    // Simulate a database loaded from an older encoding: a changed evidence key and a missing obligation
    const target = await one(sql`select id, text, evidence_key from regulation_obligations where regulation_id = ${reg.id} and evidence_key is not null order by ord limit 1`);
    const dropped = await one(sql`select id, text from regulation_obligations where regulation_id = ${reg.id} and id <> ${target.id} order by ord desc limit 1`);
    await db.execute(sql`update regulation_obligations set evidence_key = null where id = ${target.id}`);
    await db.execute(sql`delete from regulation_obligations where id = ${dropped.id}`);
    const count = async () => Number((await one(sql`select count(*)::int as n from regulation_obligations where regulation_id = ${reg.id}`)).n);
    const before = await count();
    await loadSharedLibrary(db);
    expect((await one(sql`select evidence_key from regulation_obligations where id = ${target.id}`)).evidence_key).toBe(target.evidence_key);
    expect(await one(sql`select id from regulation_obligations where regulation_id = ${reg.id} and text = ${dropped.text}`)).toBeTruthy();
    expect(await count()).toBe(before + 1);
    // still one version of JBI-35, and loading again changes nothing
    expect(Number((await one(sql`select count(*)::int as n from regulations where tenant_id is null and code = 'JBI-35'`)).n)).toBe(1);
    await loadSharedLibrary(db);
    expect(await count()).toBe(before + 1);
  });
});

describe('import', () => {
  it('[R-REG] imports a Pemda regulation from YAML and names the line of each error', async () => {
    const bad = ownDoc({ code: 'PERWAL-SALAH' }) as any;
    bad.articles[1].clauses[1].text = '';
    bad.obligations[1].bearer = 'lurah';
    bad.obligations[0].article = '9';
    const res = await upload('/api/regulations/import', 'perwal.yaml', Buffer.from(YAML.stringify(bad)));
    expect(res.status).toBe(400);
    const msgs = res.body.errors.map((e: any) => e.message).join('\n');
    expect(msgs).toMatch(/Baris \d+ \(articles\[1\]\.clauses\[1\]\.text\): Wajib diisi\./);
    expect(msgs).toMatch(/obligations\[1\]\.bearer\): Pengemban kewajiban tidak dikenal\./);
    expect(res.body.errors.map((e: any) => e.message_en).join('\n')).toMatch(/Line \d+ \(articles\[1\]\.clauses\[1\]\.text\): Required\./);

    const crossRef = ownDoc({ code: 'PERWAL-SALAH-2' }) as any;
    crossRef.obligations[0].article = '9';
    crossRef.obligations[1].evidence = 'tidak.ada';
    const res2 = await upload('/api/regulations/import', 'perwal.json', Buffer.from(JSON.stringify(crossRef)));
    expect(res2.status).toBe(400);
    expect(res2.body.errors.map((e: any) => e.field)).toEqual(['obligations[0].article', 'obligations[1].evidence']);
    expect(res2.body.errors[0].message).toMatch(/Pasal yang dirujuk tidak ada/);

    const ok = await upload('/api/regulations/import', 'perwal.yaml', Buffer.from(YAML.stringify(ownDoc())));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ code: 'PERWAL-UJI-7-2024', version: 1, articleCount: 2, obligationCount: 2 });
  });

  it('[R-REG] imports from the downloadable Excel template and names sheet, row and column', async () => {
    const tpl = await api.get('/api/regulations/template.xlsx');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.raw as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Regulasi', 'Pasal', 'Kewajiban', 'Petunjuk']);
    wb.getWorksheet('Regulasi')!.getRow(2).getCell(2).value = 'PERWAL-EXCEL-1';
    wb.getWorksheet('Pasal')!.getRow(4).getCell(7).value = '';
    wb.getWorksheet('Kewajiban')!.getRow(2).getCell(5).value = 'kadang-kadang';
    const res = await upload('/api/regulations/import', 'perwal.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    const msgs = res.body.errors.map((e: any) => e.message);
    expect(msgs).toContainEqual(expect.stringMatching(/^Sheet "Pasal" baris 4, kolom Teks .*Wajib diisi\./));
    expect(msgs).toContainEqual(expect.stringMatching(/^Sheet "Kewajiban" baris 2, kolom Frekuensi .*Frekuensi tidak dikenal\./));
    expect(res.body.errors.map((e: any) => e.message_en)).toContainEqual(expect.stringMatching(/^Sheet "Pasal" row 4, column Teks/));

    wb.getWorksheet('Pasal')!.getRow(4).getCell(7).value = 'tujuan dan sasaran;';
    wb.getWorksheet('Kewajiban')!.getRow(2).getCell(5).value = 'every_5_years';
    const ok = await upload('/api/regulations/import', 'perwal.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.status).toBe(200);
    const detail = await api.get(`/api/regulations/${ok.body.id}`);
    expect(detail.body.articles.map((a: any) => [a.number, a.clauses.length])).toEqual([['1', 1], ['2', 2]]);
    expect(detail.body.bound).toBe(true);
  });

  it('[R-REG] a new version supersedes the old one, which stays readable with its attestations', async () => {
    const v1 = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    const obl = (await api.get(`/api/regulations/${v1.id}`)).body.articles[1].obligations[1];
    const att = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Renstra 2024-2028 telah ditetapkan.', effectiveDate: day(-10), expiresOn: day(300) });
    expect(att.status).toBe(200);
    const dup = await upload('/api/regulations/import', 'perwal.yaml', Buffer.from(YAML.stringify(ownDoc())));
    expect(dup.status).toBe(409);
    const v2 = await upload('/api/regulations/import', 'perwal.yaml', Buffer.from(YAML.stringify(ownDoc({ version: 2, title: 'Perubahan atas Pengamanan Informasi' }))));
    expect(v2.status).toBe(200);
    const old = await api.get(`/api/regulations/${v1.id}`);
    expect(old.body).toMatchObject({ status: 'diganti', bound: false });
    expect(old.body.versions.map((v: any) => v.version)).toEqual([2, 1]);
    const oldCompliance = await api.get(`/api/compliance/regulations/${v1.id}`);
    expect(oldCompliance.body.articles[0].obligations[1].attestations[0].statement).toMatch(/Renstra/);
    const now = await api.get(`/api/regulations/${v2.body.id}`);
    expect(now.body).toMatchObject({ status: 'berlaku', bound: true, version: 2 });
    expect((await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items.map((r: any) => r.version)).toEqual([2]);
  });

  it('[R-REG] another tenant cannot read or attest on a tenant\'s own regulation', async () => {
    const own = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    const other = await makeTenant(t);
    const api2 = client(t, await login(t, other.email));
    expect((await api2.get(`/api/regulations/${own.id}`)).status).toBe(404);
    expect((await api2.get(`/api/compliance/regulations/${own.id}`)).status).toBe(404);
    expect((await api2.get('/api/regulations?q=PERWAL-UJI')).body.items).toEqual([]);
    const obl = (await api.get(`/api/regulations/${own.id}`)).body.articles[1].obligations[0];
    const res = await api2.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Percobaan lintas Pemda.', effectiveDate: day(0), expiresOn: day(10) });
    expect(res.status).toBe(404);
    // the shared library stays visible to everyone
    expect((await api2.get('/api/regulations?q=MDN-30')).body.items).toHaveLength(1);
  });
});

describe('compliance', () => {
  it('[R-REG] [A1] status changes when a record is added (evidence check) and when an attestation is made', async () => {
    const own = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    let c = (await api.get(`/api/compliance/regulations/${own.id}`)).body;
    const byText = (x: any, re: RegExp) => x.articles.flatMap((a: any) => a.obligations).find((o: any) => re.test(o.text));
    expect(byText(c, /penyelenggara persandian/)).toMatchObject({ status: 'missing', checkRegistered: true, source: 'check' });
    expect(byText(c, /rencana strategis/)).toMatchObject({ status: 'missing', source: 'none' });
    expect(c.status).toBe('missing');

    // a real record: an OPD flagged as the Dinas running persandian
    const opd = await api.post('/api/opds', { code: '2.16.01', name: 'Dinas Komunikasi dan Informatika', shortName: 'DISKOMINFO', kind: 'dinas', isPersandianDinas: true });
    expect(opd.status).toBe(200);
    c = (await api.get(`/api/compliance/regulations/${own.id}`)).body;
    const met = byText(c, /penyelenggara persandian/);
    expect(met).toMatchObject({ status: 'met', source: 'check' });
    expect(met.records).toEqual([{ entity: 'opd', id: opd.body.id, label: 'Dinas Komunikasi dan Informatika', href: `/organisasi/opd/${opd.body.id}` }]);
    expect(c.status).toBe('partly');
    expect(c.articles[0].counts).toMatchObject({ met: 1, missing: 1, total: 2, score: 50 });

    // back-link: which obligations does this OPD satisfy?
    const links = await api.get(`/api/compliance/links?entity=opd&id=${opd.body.id}`);
    expect(links.body.map((l: any) => [l.regulationCode, l.article])).toContainEqual(['PERWAL-UJI-7-2024', '2']);

    // an attestation with an evidence file
    const file = await upload('/api/files', 'renstra.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect(file.status).toBe(200);
    const obl = byText(c, /rencana strategis/);
    const att = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Renstra pengamanan informasi 2024-2028 ditetapkan.', effectiveDate: day(-5), expiresOn: day(365), fileIds: [file.body.id] });
    expect(att.status).toBe(200);
    expect(att.body).toMatchObject({ status: 'valid', files: [{ id: file.body.id, name: 'renstra.pdf' }] });
    c = (await api.get(`/api/compliance/regulations/${own.id}`)).body;
    expect(byText(c, /rencana strategis/)).toMatchObject({ status: 'met', source: 'attestation' });
    expect(c.status).toBe('met');
    expect((await api.get(`/api/compliance/links?entity=file&id=${file.body.id}`)).body).toHaveLength(1);

    // withdrawing the attestation brings the obligation back to missing
    const rev = await api.post(`/api/compliance/attestations/${att.body.id}/revoke`);
    expect(rev.body.status).toBe('revoked');
    c = (await api.get(`/api/compliance/regulations/${own.id}`)).body;
    expect(byText(c, /rencana strategis/).status).toBe('missing');
  });

  it('[R-REG] an expired attestation counts as missing, one expiring within 30 days as due soon', async () => {
    const own = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    const c = (await api.get(`/api/compliance/regulations/${own.id}`)).body;
    const obl = c.articles[0].obligations.find((o: any) => /rencana strategis/.test(o.text));
    const expired = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Renstra periode lalu.', effectiveDate: day(-800), expiresOn: day(-1) });
    expect(expired.body.status).toBe('expired');
    let o = (await api.get(`/api/compliance/regulations/${own.id}`)).body.articles[0].obligations.find((x: any) => x.id === obl.id);
    expect(o.status).toBe('missing');
    expect(o.detail.id).toMatch(/kedaluwarsa/);
    await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Renstra berlaku hingga akhir bulan depan.', effectiveDate: day(-30), expiresOn: day(12) });
    o = (await api.get(`/api/compliance/regulations/${own.id}`)).body.articles[0].obligations.find((x: any) => x.id === obl.id);
    expect(o.status).toBe('due_soon');
    const dash = await api.get('/api/compliance/dashboard');
    expect(dash.status).toBe(200);
    expect(dash.body.dueThisMonth.map((d: any) => d.obligationId)).toContain(obl.id);
    expect(dash.body.expiringAttestations.map((a: any) => a.expiresOn)).toContain(day(12));
    expect(dash.body.regulations.map((r: any) => r.regulation.code)).toEqual(['PERWAL-EXCEL-1', 'PERWAL-UJI-7-2024']);
  });

  it('[R-REG] evaluates checks registered by other modules; the better of check and attestation wins', () => {
    const today = '2026-11-30';
    const partly = { registered: true as const, result: { status: 'partly' as const, detail: { id: '9 dari 11 OPD', en: '9 of 11 OPDs' }, records: [{ entity: 'opd', id: 'x', label: 'X' }] } };
    expect(decideObligation(partly, [], today)).toMatchObject({ status: 'partly', source: 'check' });
    const v = decideObligation(partly, [{ effectiveDate: '2026-01-01', expiresOn: '2027-06-01', revokedAt: null }], today);
    expect(v).toMatchObject({ status: 'met', source: 'attestation', records: [{ id: 'x' }] });
    const soon = { registered: true as const, result: { status: 'met' as const, detail: { id: 'ok', en: 'ok' }, records: [], validUntil: '2026-12-10' } };
    expect(decideObligation(soon, [], today).status).toBe('due_soon');
    expect(decideObligation({ registered: false }, [], today)).toMatchObject({ status: 'missing', source: 'none' });
  });

  it('[R-REG] refuses attestation without compliance.attest and on unbound regulations, in Indonesian', async () => {
    const mdn = await bySeed('MDN-30');
    const obl = (await api.get(`/api/regulations/${mdn.id}`)).body.articles.find((a: any) => a.number === '23').obligations[0];
    const unbound = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Evaluasi tahunan dilaksanakan.', effectiveDate: day(0), expiresOn: day(100) });
    expect(unbound.status).toBe(409);
    expect(unbound.body.title).toBe('Regulasi ini belum diikat oleh Pemda Anda.');
    const bad = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Evaluasi tahunan dilaksanakan.', effectiveDate: day(10), expiresOn: day(0) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'expiresOn', message: 'Tanggal kedaluwarsa harus setelah tanggal berlaku.' });
    const auditor = await makeTenant(t, { roles: ['auditor'] });
    const apiA = client(t, await login(t, auditor.email));
    const mdnA = (await apiA.get('/api/regulations?q=MDN-30')).body.items[0];
    expect(mdnA.code).toBe('MDN-30');
    expect((await apiA.put(`/api/regulations/${mdnA.id}/binding`, { bound: true })).status).toBe(403);
    expect((await apiA.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Tidak berhak.', effectiveDate: day(0), expiresOn: day(5) })).status).toBe(403);
  });

  it('[R-REG] [M1] exports the compliance of a regulation to Excel and to PDF with the kop surat', async () => {
    await api.put('/api/tenant', { name: 'Kota Uji', level: 'kota', dinasName: 'Dinas Komunikasi dan Informatika', domain: 'uji.go.id' });
    const own = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    const xlsx = await api.get(`/api/compliance/regulations/${own.id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const sheet = unzip(xlsx.raw).get('xl/worksheets/sheet1.xml')!.toString('utf8') + unzip(xlsx.raw).get('xl/sharedStrings.xml')?.toString('utf8');
    expect(sheet).toMatch(/Dinas penyelenggara persandian ditetapkan/);
    expect(sheet).toMatch(/Terpenuhi/);
    const pdf = await api.get(`/api/compliance/regulations/${own.id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = squash(pdfPages(pdf.raw).join(' '));
    expect(text).toContain('PEMERINTAH KOTA UJI');
    expect(text).toContain('LAPORAN KEPATUHAN TERHADAP REGULASI');
    // table cells wrap, so compare words of the cells rather than whole sentences
    expect(text).toMatch(/Skor kepatuhan \d+% dari 2 kewajiban/);
    expect(text).toContain('Pasal Kewajiban Pengemban Status Keterangan');
    expect(text).toContain('Terpenuhi');
  });
});

describe('evidence checks of other modules', () => {
  it('[R-REG] [B6] home-page dashboards requested together share one evaluation, and the next request sees new records', async () => {
    let runs = 0;
    const teamCheck: EvidenceCheck = {
      key: 'governance.technical_team',
      label: { id: 'Tim pelaksana teknis ditetapkan', en: 'Technical team appointed' },
      async evaluate(db, ctx) {
        runs++;
        const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from people where tenant_id = ${ctx.tenantId} and deleted_at is null and full_name = 'Tim Teknis Bersama'`));
        return rows[0].n ? { status: 'met', detail: { id: 'ada', en: 'yes' }, records: [] } : { status: 'missing', detail: { id: 'belum', en: 'no' }, records: [] };
      },
    };
    const mod = regulationsModule({
      deps: t.deps,
      notifications: t.services.notifications,
      attachments: t.services.attachments,
      fileStore: undefined as never,
      modules: new Map([['governance', { name: 'governance', routes() {}, evidence: [teamCheck] }]]),
    });
    const svc = (mod.service as { compliance: ComplianceService }).compliance;
    const actor = systemActor(tenantId);
    const mjk = await bySeed('MJK-40');
    await api.put(`/api/regulations/${mjk.id}/binding`, { bound: true });
    let personId: string | undefined;
    try {
      const together = await Promise.all(Array.from({ length: 10 }, () => svc.dashboard(actor)));
      expect(runs).toBe(1);
      expect(new Set(together.map((d) => JSON.stringify(d))).size).toBe(1);
      const missing = together[0].regulations.find((r) => r.regulation.code === 'MJK-40')!.counts.missing;
      const opd = (await api.get('/api/opds')).body.items[0];
      const person = await api.post('/api/people', { fullName: 'Tim Teknis Bersama', kind: 'asn', nip: '198506152010011007', email: 'tim.teknis@uji.go.id', opdId: opd.id });
      expect(person.status).toBe(200);
      personId = person.body.id;
      const after = await svc.dashboard(actor);
      expect(runs).toBe(2);
      expect(after.regulations.find((r) => r.regulation.code === 'MJK-40')!.counts.missing).toBe(missing - 1);
    } finally {
      await api.put(`/api/regulations/${mjk.id}/binding`, { bound: false });
      if (personId) await api.del(`/api/people/${personId}`);
    }
  });

  it('[R-REG] [B6] collects checks from ctx.modules and re-evaluates when their records change; attestations schedule a reminder', async () => {
    // a check another module would register (here: "the technical team exists" read from the people table)
    const teamCheck: EvidenceCheck = {
      key: 'governance.technical_team',
      label: { id: 'Tim pelaksana teknis ditetapkan', en: 'Technical team appointed' },
      async evaluate(db, ctx) {
        const rows = rowsOf<{ id: string; full_name: string }>(await db.execute(sql`select id, full_name from people where tenant_id = ${ctx.tenantId} and deleted_at is null`));
        return rows.length
          ? { status: 'met', detail: { id: `${rows.length} anggota tim`, en: `${rows.length} members` }, records: rows.map((r) => ({ entity: 'person', id: r.id, label: r.full_name })) }
          : { status: 'missing', detail: { id: 'Belum ada anggota tim.', en: 'No member yet.' }, records: [] };
      },
    };
    const mod = regulationsModule({
      deps: t.deps,
      notifications: t.services.notifications,
      attachments: t.services.attachments,
      fileStore: undefined as never,
      modules: new Map([['governance', { name: 'governance', routes() {}, evidence: [teamCheck] }]]),
    });
    const svc = (mod.service as { compliance: ComplianceService }).compliance;
    const actor = systemActor(tenantId);
    const mjk = await bySeed('MJK-40');
    const teamObligation = async () =>
      (await svc.regulation(actor, mjk.id)).articles.find((a) => a.number === '7')!.obligations.find((o) => o.evidenceKey === 'governance.technical_team')!;
    expect(await teamObligation()).toMatchObject({ status: 'missing', checkRegistered: true });
    const opd = (await api.get('/api/opds')).body.items[0];
    const person = await api.post('/api/people', { fullName: 'Sri Wahyuni', kind: 'asn', nip: '198506152010012003', email: 'sri@uji.go.id', opdId: opd.id });
    expect(person.status).toBe(200);
    const met = await teamObligation();
    expect(met).toMatchObject({ status: 'met', source: 'check', records: [{ entity: 'person', id: person.body.id, label: 'Sri Wahyuni' }] });

    // an attestation schedules a reminder 30 days before it lapses; withdrawing it cancels the reminder
    const own = (await api.get('/api/regulations?q=PERWAL-UJI-7')).body.items[0];
    const obl = (await api.get(`/api/regulations/${own.id}`)).body.articles[1].obligations[1];
    const att = await api.post('/api/compliance/attestations', { obligationId: obl.id, statement: 'Renstra ditetapkan dengan Perwal.', effectiveDate: day(0), expiresOn: day(200) });
    const reminder = async () =>
      rowsOf<{ due_at: Date; cancelled_at: Date | null; link: string }>(
        await t.deps.database.db.execute(sql`select due_at, cancelled_at, link from reminders where entity = 'compliance_attestation' and entity_id = ${att.body.id}`),
      )[0];
    expect((await reminder()).link).toBe(`/kepatuhan/${own.id}`);
    expect(new Date((await reminder()).due_at).toISOString().slice(0, 10)).toBe(day(170));
    await api.post(`/api/compliance/attestations/${att.body.id}/revoke`);
    expect((await reminder()).cancelled_at).not.toBeNull();
  });
});

describe('demo seed', () => {
  it('[R-REG] the demo Pemda is bound to all five seeds', async () => {
    const { seedRegulationsDemo } = await import('./regulations.seed.js');
    await seedRegulationsDemo(t.deps.database.db, { tenantId, opdIds: new Map(), personIds: new Map(), userIds: new Map() });
    const bound = (await api.get('/api/regulations?bound=true&pageSize=50')).body.items.map((r: any) => r.code);
    expect(bound).toEqual(expect.arrayContaining(['JBI-35', 'JBI-10', 'JMB-49', 'MDN-30', 'MJK-40']));
    const dash = (await api.get('/api/compliance/dashboard')).body;
    expect(dash.expiringAttestations.map((a: any) => a.regulationCode)).toContain('MDN-30');
  });
});
