import { describe, expect, it } from 'vitest';
import { DocumentRenderError } from './errors.js';
import { opdOfficialsReport } from './opd-officials.js';
import { renderOfficialPdf, renderPdf } from './pdf.js';
import { HOSTILE, HOSTILE_FULL, makeLogoPng, makeOpds, sampleInput } from './testing/fixtures.js';
import { pdfPages, pdftotextAvailable, squash } from './testing/pdf-text.js';

const pdfOf = async (input = sampleInput()) => (await opdOfficialsReport(input, 'pdf')).body;

/** Font names embedded in a PDF (/BaseFont entries, without the subset tag). */
const embeddedFonts = (pdf: Buffer) =>
  [...new Set([...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/>]+)/g)].map((m) => m[1]))].sort();

describe('PDF documents (Typst)', () => {
  it('[A2] prints the list of OPDs and officials with the kop surat', async () => {
    const out = await opdOfficialsReport(sampleInput({ logoPng: makeLogoPng() }), 'pdf');
    expect(out.contentType).toBe('application/pdf');
    expect(out.filename).toBe('daftar-perangkat-daerah-dan-pejabat-2026-11-23.pdf');
    expect(out.body.subarray(0, 5).toString()).toBe('%PDF-');

    const pages = pdfPages(out.body);
    expect(pages).toHaveLength(1);
    const text = squash(pages[0]);
    // Kop surat
    expect(text).toContain('PEMERINTAH KOTA CONTOH');
    expect(text).not.toContain('KOTA KOTA');
    expect(text).toContain('DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(text).toContain('Jalan Merdeka Nomor 1, Contoh 12345, Telepon (021) 1234567');
    expect(text).toContain('Laman contohkota.go.id, Pos-el diskominfo@contohkota.go.id');
    // Title and date line in Indonesian
    expect(text).toContain('DAFTAR PERANGKAT DAERAH DAN PEJABAT');
    expect(text).toContain('Keadaan per 23 November 2026');
    // Table: header, rows, official with formatted NIP, vacant head, total
    for (const h of ['No', 'Kode', 'Perangkat Daerah', 'Kepala', 'Jumlah']) expect(text).toContain(h);
    expect(text).toContain('1.01.01');
    expect(text).toContain('Dinas Urusan Pemerintahan Nomor 5');
    expect(text).toContain('Budi Santoso 1, S.Kom., M.T.');
    expect(text).toContain('NIP 19800101 200501 1 001');
    expect(text).toContain('Jumlah 80'); // 10 + 13 + 16 + 19 + 22
    // Signature block
    expect(text).toContain('Contoh, 23 November 2026');
    expect(text).toContain('Kepala Dinas Komunikasi dan Informatika,');
    expect(text).toContain('Dr. SITI AMINAH, S.T., M.Si.');
    expect(text).toContain('NIP 19750215 200003 2 001');
    expect(text).toContain('Halaman 1 dari 1');
    // The logo is embedded as an image; without a logo there is none.
    expect(out.body.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect((await pdfOf()).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('[A2] numbers every page "Halaman X dari Y" and repeats the table header on a 60-row report', async () => {
    const pdf = await pdfOf(sampleInput({ opds: makeOpds(60) }));
    const pages = pdfPages(pdf);
    // With the bundled fonts the layout is fixed: 25 rows on page 1, 32 on page 2, 3 + signature on page 3.
    expect(pages).toHaveLength(3);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain(`Halaman ${i + 1} dari 3`);
      expect(squash(p)).toContain('Perangkat Daerah');
    });
    expect(squash(pages[0])).toContain('PEMERINTAH KOTA CONTOH');
    expect(squash(pages[1])).not.toContain('PEMERINTAH KOTA CONTOH'); // kop only on the first page
    expect(squash(pages[2])).toContain('Dinas Urusan Pemerintahan Nomor 60');
    expect(squash(pages[2])).toContain('Dr. SITI AMINAH, S.T., M.Si.');
  });

  it('[A2] prints names containing Typst markup literally', async () => {
    const opds = makeOpds(2);
    opds[0].name = HOSTILE;
    opds[1].headName = HOSTILE;
    const base = sampleInput();
    const pdf = await pdfOf({
      ...base,
      opds,
      tenant: { ...base.tenant, address: HOSTILE_FULL },
      signer: { place: 'Contoh', position: 'Kepala $x$', name: '*Tebal* _miring_ #strong[x]', nip: null },
    });
    const text = squash(pdfPages(pdf).join('\n'));
    // Once as an OPD name, once as a head's name, once inside the (longer) address line.
    expect(text.split(HOSTILE).length - 1).toBe(3);
    expect(text).toContain(`${HOSTILE_FULL}, Telepon`);
    expect(text).toContain('Kepala $x$,');
    expect(text).toContain('*Tebal* _miring_ #strong[x]');
  });

  it('[A2] renders byte-identical PDFs with only the bundled Arimo fonts', async () => {
    const a = await pdfOf(sampleInput({ logoPng: makeLogoPng() }));
    const b = await pdfOf(sampleInput({ logoPng: makeLogoPng() }));
    expect(a.equals(b)).toBe(true);
    expect(embeddedFonts(a)).toEqual(['Arimo-Bold', 'Arimo-Regular']);
  });

  it('[A2] prints a generic official document: number, paragraphs, empty table', async () => {
    const pdf = await renderOfficialPdf({
      letterhead: { pemda: 'PEMERINTAH KABUPATEN CONTOH', office: 'SEKRETARIAT DAERAH' },
      title: 'BERITA ACARA',
      number: '000.1/23/Setda',
      dateLine: 'Tanggal 1 Januari 2027',
      paragraphs: ['Pada hari ini telah dilaksanakan pemeriksaan #1.'],
      table: { columns: [{ header: 'Uraian' }, { header: 'Nilai', align: 'right' }], rows: [], emptyText: 'Tidak ada temuan.' },
      date: new Date('2027-01-01T02:00:00Z'),
      signer: null,
    });
    const text = squash(pdfPages(pdf).join('\n'));
    expect(text).toContain('PEMERINTAH KABUPATEN CONTOH');
    expect(text).toContain('SEKRETARIAT DAERAH');
    expect(text).toContain('Nomor: 000.1/23/Setda');
    expect(text).toContain('Pada hari ini telah dilaksanakan pemeriksaan #1.');
    expect(text).toContain('Tidak ada temuan.');
    expect(text).toContain('Halaman 1 dari 1');
  });

  it('[A2] reports Typst errors with diagnostics as DocumentRenderError', async () => {
    const err = await renderPdf({ template: 'official-table', data: { title: 'x' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRenderError);
    const e = err as DocumentRenderError;
    expect(e.code).toBe('compile_failed');
    expect(e.diagnostics[0]).toMatchObject({ severity: 'error', path: 'official-table.typ' });
    expect(e.diagnostics[0].line).toBeGreaterThan(0);
    expect(e.message).toContain('does not contain key');

    await expect(renderPdf({ template: '../package', data: {} })).rejects.toMatchObject({ code: 'invalid_template_name' });
    await expect(renderPdf({ template: 'lib/kop', data: {} })).rejects.toMatchObject({ code: 'invalid_template_name' });
    await expect(renderPdf({ template: 'tidak-ada', data: {} })).rejects.toMatchObject({ code: 'template_not_found' });
    await expect(pdfOf(sampleInput({ logoPng: Buffer.from('bukan gambar') }))).rejects.toBeInstanceOf(DocumentRenderError);
    // The compiler still works after errors.
    expect(squash(pdfPages(await pdfOf())[0])).toContain('PEMERINTAH KOTA CONTOH');
  });

  it('[A2] the pure-JS PDF text reader (fallback when pdftotext is missing) reads the report like pdftotext', async () => {
    const pdf = await pdfOf(sampleInput({ opds: makeOpds(30) }));
    const js = pdfPages(pdf, { engine: 'js' });
    expect(js).toHaveLength(2);
    expect(squash(js[0])).toContain('PEMERINTAH KOTA CONTOH');
    expect(squash(js[1])).toContain('Halaman 2 dari 2');
    if (pdftotextAvailable()) {
      const poppler = pdfPages(pdf, { engine: 'pdftotext' });
      const words = (s: string) => s.split(/\s+/).filter(Boolean).sort();
      expect(js.map(words)).toEqual(poppler.map(words));
    }
  });
});
