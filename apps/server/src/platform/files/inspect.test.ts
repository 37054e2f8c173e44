import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { DEFAULT_ALLOWED_TYPES, inspectUpload, UploadRejected } from './inspect.js';
import { FAKE_EXE, TINY_PDF, TINY_PNG } from './test-fixtures.js';

async function rejection(p: Promise<unknown>): Promise<UploadRejected> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(UploadRejected);
    return err as UploadRejected;
  }
  throw new Error('expected the upload to be rejected');
}

describe('inspectUpload', () => {
  it('[A6] rejects an executable renamed to .pdf (type sniffed from content)', async () => {
    const err = await rejection(inspectUpload(FAKE_EXE, { filename: 'laporan.pdf' }));
    expect(err.key).toBe('file.type_not_allowed');
    expect(err.statusCode).toBe(415);
    expect(err.details).toMatchObject({ detected: 'exe', declaredExt: 'pdf' });
  });

  it('[A6] accepts a real PDF and PNG and reports size and sha256', async () => {
    const pdf = await inspectUpload(TINY_PDF, { filename: 'surat.pdf' });
    expect(pdf).toEqual({
      mime: 'application/pdf',
      ext: 'pdf',
      size: TINY_PDF.length,
      sha256: createHash('sha256').update(TINY_PDF).digest('hex'),
    });
    const png = await inspectUpload(TINY_PNG, { filename: 'foto.png' });
    expect(png).toMatchObject({ mime: 'image/png', ext: 'png', size: TINY_PNG.length });
  });

  it('[A6] uses the detected type, not the declared extension', async () => {
    // A PNG named .pdf is still a PNG (allowed) — the stored type comes from the content.
    const r = await inspectUpload(TINY_PNG, { filename: 'dokumen.pdf' });
    expect(r.ext).toBe('png');
    // A PDF named .txt is a PDF; text rules do not apply to detected binaries.
    expect((await inspectUpload(TINY_PDF, { filename: 'a.txt' })).ext).toBe('pdf');
  });

  it('[A6] accepts docx and xlsx (zip containers recognised by their contents) but not bare zip', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Nota dinas')] }] }));
    expect((await inspectUpload(Buffer.from(docx), { filename: 'nota.docx' })).ext).toBe('docx');

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Aset').addRow(['Server', 'Tinggi']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await inspectUpload(xlsx, { filename: 'aset.xlsx' })).ext).toBe('xlsx');

    // The same docx bytes rejected when only pdf is allowed.
    const err = await rejection(inspectUpload(Buffer.from(docx), { allowed: ['pdf'] }));
    expect(err.key).toBe('file.type_not_allowed');
    expect(DEFAULT_ALLOWED_TYPES).not.toContain('zip');
  });

  it('[A6] enforces the size limit with file.too_large', async () => {
    const err = await rejection(inspectUpload(TINY_PDF, { maxBytes: 100 }));
    expect(err.key).toBe('file.too_large');
    expect(err.statusCode).toBe(413);
    expect((await inspectUpload(TINY_PDF, { maxBytes: TINY_PDF.length })).size).toBe(TINY_PDF.length);
    // Default limit is 25 MiB.
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x41);
    expect((await rejection(inspectUpload(big, { filename: 'a.txt' }))).key).toBe('file.too_large');
  });

  it('[A6] accepts UTF-8 csv/txt only with an allowed declared text extension', async () => {
    const csv = Buffer.from('nip;nama\n198001012005011001;Dewi Lestari — Diskominfo\n', 'utf8');
    expect(await inspectUpload(csv, { filename: 'pegawai.CSV' })).toMatchObject({ mime: 'text/csv', ext: 'csv' });
    expect(await inspectUpload(Buffer.from('catatan'), { filename: 'a.txt' })).toMatchObject({ mime: 'text/plain', ext: 'txt' });

    // No / unknown / non-allowed extension.
    expect((await rejection(inspectUpload(csv))).key).toBe('file.type_not_allowed');
    expect((await rejection(inspectUpload(csv, { filename: 'x.html' }))).key).toBe('file.type_not_allowed');
    expect((await rejection(inspectUpload(csv, { filename: 'x.json' }))).key).toBe('file.type_not_allowed');
    // json/yaml are opt-in.
    const yaml = Buffer.from('a: 1\n');
    expect(await inspectUpload(yaml, { filename: 'c.yml', allowed: ['yaml'] })).toMatchObject({ ext: 'yaml', mime: 'application/yaml' });
    expect(await inspectUpload(Buffer.from('{"a":1}'), { filename: 'c.json', allowed: ['json'] })).toMatchObject({ ext: 'json' });
  });

  it('[A6] rejects "text" containing NUL bytes or invalid UTF-8, and empty files', async () => {
    const withNul = Buffer.from('a,b\n1,\u00002\n', 'utf8');
    expect((await rejection(inspectUpload(withNul, { filename: 'a.csv' }))).details).toMatchObject({ reason: 'not_utf8_text' });
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in latin1
    expect((await rejection(inspectUpload(latin1, { filename: 'a.txt' }))).key).toBe('file.type_not_allowed');
    expect((await rejection(inspectUpload(Buffer.alloc(0), { filename: 'a.txt' }))).key).toBe('file.type_not_allowed');
  });

  it('[A6] rejects active or container content even with an allowed extension', async () => {
    const xml = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await rejection(inspectUpload(xml, { filename: 'gambar.png' }))).key).toBe('file.type_not_allowed');
    expect((await rejection(inspectUpload(FAKE_EXE, { filename: 'data.csv' }))).key).toBe('file.type_not_allowed');
  });
});
