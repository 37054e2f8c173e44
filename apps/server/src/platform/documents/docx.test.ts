import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { opdOfficialsReport } from './opd-officials.js';
import { HOSTILE_FULL, makeLogoPng, makeOpds, sampleInput } from './testing/fixtures.js';
import { unzip } from './testing/zip.js';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The visible text of a WordprocessingML part, one line per paragraph. */
function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[1] === undefined ? ' ' : decode(m[1]))).join(''),
    )
    .filter((l) => l.trim() !== '')
    .join('\n');
}

describe('DOCX documents', () => {
  it('[A2] exports the list of OPDs and officials to Word with kop surat, table and signature', async () => {
    const opds = makeOpds(12);
    opds[1].name = HOSTILE_FULL;
    const out = await opdOfficialsReport(sampleInput({ opds, logoPng: makeLogoPng() }), 'docx');
    expect(out.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(out.filename).toBe('daftar-perangkat-daerah-dan-pejabat-2026-11-23.docx');

    const zip = unzip(out.body);
    const xml = zip.get('word/document.xml')!.toString('utf8');
    const text = wordText(xml);
    expect(text).toContain('PEMERINTAH KOTA CONTOH');
    expect(text).toContain('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(text).toContain('Jalan Merdeka Nomor 1, Contoh 12345, Telepon (021) 1234567');
    expect(text).toContain('DAFTAR PERANGKAT DAERAH DAN PEJABAT');
    expect(text).toContain('Keadaan per 23 November 2026');
    for (const h of ['No', 'Kode', 'Perangkat Daerah', 'Kepala', 'Jumlah Pegawai']) expect(text).toContain(h);
    expect(text).toContain('Dinas Urusan Pemerintahan Nomor 12');
    expect(text).toContain('Budi Santoso 1, S.Kom., M.T. NIP 19800101 200501 1 001');
    expect(text).toContain(HOSTILE_FULL); // XML-escaped in the file, literal in Word
    expect(xml).toContain('&lt;b&gt;&amp;amp;');
    expect(text).toContain('Contoh, 23 November 2026');
    expect(text).toContain('Dr. SITI AMINAH, S.T., M.Si.');
    expect(text).toContain('NIP 19750215 200003 2 001');
    // A4 page, repeating header row, double rule under the kop, logo embedded
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader');
    expect(xml).toMatch(/<w:bottom w:val="thickThinSmallGap"/);
    expect([...zip.keys()].some((k) => /^word\/media\/.+\.png$/.test(k))).toBe(true);

    // Footer "Halaman X dari Y" with PAGE and NUMPAGES fields
    const footerName = [...zip.keys()].find((k) => /^word\/footer\d*\.xml$/.test(k))!;
    const footer = zip.get(footerName)!.toString('utf8');
    expect(footer).toMatch(/<w:t[^>]*>Halaman <\/w:t>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:t[^>]*> dari <\/w:t>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('[A2] exports a generic official document without logo, table or signer', async () => {
    const buf = await renderDocx({
      letterhead: { pemda: 'PEMERINTAH PROVINSI CONTOH' },
      title: 'NOTA DINAS',
      number: '000.1/5/Diskominfo',
      paragraphs: ['Dengan hormat, bersama ini kami sampaikan laporan.'],
      date: new Date('2026-01-05T00:00:00Z'),
    });
    const zip = unzip(buf);
    const text = wordText(zip.get('word/document.xml')!.toString('utf8'));
    expect(text).toContain('PEMERINTAH PROVINSI CONTOH');
    expect(text).toContain('Nomor: 000.1/5/Diskominfo');
    expect(text).toContain('Dengan hormat, bersama ini kami sampaikan laporan.');
    expect([...zip.keys()].some((k) => k.startsWith('word/media/'))).toBe(false);
  });

  it('[A2] shows an empty-state row when there are no OPDs', async () => {
    const out = await opdOfficialsReport(sampleInput({ opds: [] }), 'docx');
    const text = wordText(unzip(out.body).get('word/document.xml')!.toString('utf8'));
    expect(text).toContain('Belum ada perangkat daerah.');
  });
});
