import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/**
 * Main path of the signing module up to the browser signature: upload an official PDF, choose the
 * signer, see the sign form (password re-entry, document hash, QR stamp), then check the document
 * on the public verifier without logging in. Signing itself needs a key in IndexedDB that the
 * certificates feature puts there (covered by the server tests with WebCrypto keys).
 */
test('[K15] upload a PDF for signing and check it on the public verifier, in Indonesian', async ({ page, browser }) => {
  test.setTimeout(150_000); // the shared CI machine is slow; the server-side stamping loads libpdf on first use
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  await page.getByRole('link', { name: 'Tanda Tangan Elektronik' }).first().click();
  await page.getByRole('button', { name: 'Unggah dokumen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Dokumen PDF').setInputFiles({ name: 'nota-dinas.pdf', mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByLabel('Perihal dokumen').fill('Nota Dinas Uji Tanda Tangan');
  await dialog.getByLabel('Nomor surat').fill('800/99/Diskominfo/2026');
  await dialog.getByLabel('Tambah penanda tangan').fill('Admin');
  await dialog.getByRole('button', { name: /Admin Persada/ }).first().click();
  await dialog.getByRole('button', { name: 'Kirim permintaan' }).click();

  await expect(page.getByRole('heading', { name: 'Nota Dinas Uji Tanda Tangan' })).toBeVisible();
  await expect(page.getByText('Tandatangani dokumen ini')).toBeVisible();
  await expect(page.getByLabel('Masukkan ulang kata sandi Anda')).toBeVisible();
  await expect(page.getByText('Sidik jari dokumen (SHA-256)').first()).toBeVisible();
  const id = page.url().split('/').pop()!;

  // The QR link works for anyone, without a session
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`/verifikasi/${id}`);
  await expect(anon.getByRole('heading', { name: 'Verifikasi Dokumen Elektronik' })).toBeVisible();
  await expect(anon.getByText('Dokumen ini tidak memiliki tanda tangan elektronik.')).toBeVisible();
  await expect(anon.getByText(/Terdaftar di Persada: Nota Dinas Uji Tanda Tangan/)).toBeVisible();

  // A file that is not a PDF gets a clear answer
  await anon.getByLabel('Dokumen PDF bertanda tangan').setInputFiles({ name: 'bukan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 arsip zip') });
  await anon.getByRole('button', { name: 'Periksa' }).click();
  await expect(anon.getByRole('alert')).toHaveText('Berkas yang diunggah bukan dokumen PDF.');
});
