import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'Demo-Persada#2026';
const ASN = 'nurul.hidayah@contohkota.go.id';
const RA = 'rina.marlina@contohkota.go.id';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: PDF,
});

async function signIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sertifikat Saya' })).toBeVisible();
  return page;
}

test('[K3][K5][K6][K7][K10][K11] ASN mengajukan, ditolak dengan alasan, memperbaiki, disetujui, lalu membuat kunci di peramban dan menerima sertifikat', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // The ASN applies for an individual certificate with the three required documents
  const asn = await signIn(browser, ASN);
  await asn.getByRole('link', { name: 'Sertifikat Saya' }).click();
  await asn.getByRole('button', { name: 'Ajukan Permohonan' }).click();
  const dlg = asn.getByRole('dialog');
  await dlg.getByText('Individu', { exact: true }).click();
  await dlg.getByRole('button', { name: 'Lanjut' }).click();
  await dlg.getByLabel('NIP *').fill('199511112020122012');
  await dlg.getByRole('button', { name: 'Buat Draf Permohonan' }).click();
  await expect(asn.getByRole('heading', { name: /Permohonan SE\// })).toBeVisible();
  await asn.getByLabel('Unggah Surat pengantar Kepala Perangkat Daerah').setInputFiles(pdf('surat-pengantar.pdf'));
  await expect(asn.getByRole('link', { name: 'surat-pengantar.pdf' })).toBeVisible();
  await asn.getByLabel('Unggah Surat rekomendasi dari atasan').setInputFiles(pdf('rekomendasi.pdf'));
  await expect(asn.getByRole('link', { name: 'rekomendasi.pdf' })).toBeVisible();
  await asn.getByLabel('Unggah Scan e-KTP').setInputFiles(pdf('ektp-buram.pdf'));
  await expect(asn.getByRole('link', { name: 'ektp-buram.pdf' })).toBeVisible();
  await asn.getByRole('button', { name: 'Ajukan', exact: true }).click();
  await asn.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(asn.getByText('Menunggu verifikasi').first()).toBeVisible();
  const appUrl = asn.url();

  // The RA operator obtains her RA certificate (browser key) and rejects with a reason
  const ra = await signIn(browser, RA);
  await ra.getByRole('link', { name: 'Verifikasi RA' }).click();
  await ra.getByRole('button', { name: 'Buat Sertifikat RA' }).click();
  await expect(ra.getByText(/sertifikat RA berlaku sampai/)).toBeVisible({
    timeout: 60_000,
  }); // the first issuance creates the Pemda's CA
  await ra
    .getByRole('row', { name: /Nurul Hidayah/ })
    .getByRole('link')
    .click();
  await ra.getByRole('button', { name: 'Tolak' }).click();
  await ra.getByLabel('Alasan penolakan').fill('Scan e-KTP tidak terbaca, unggah ulang dengan resolusi lebih baik.');
  await ra.getByRole('button', { name: 'Kirim penolakan' }).click();
  await ra.getByRole('alertdialog').getByRole('button', { name: 'Tolak' }).click();
  await expect(ra.getByText('Permohonan ditolak dan pemohon diberi tahu.').first()).toBeVisible();

  // The ASN sees the reason, replaces the e-KTP scan and resubmits
  await asn.goto(appUrl);
  await expect(asn.getByRole('alert').filter({ hasText: 'Scan e-KTP tidak terbaca' })).toBeVisible();
  await asn.getByLabel('Unggah Scan e-KTP').setInputFiles(pdf('ektp-jelas.pdf'));
  await expect(asn.getByRole('link', { name: 'ektp-jelas.pdf' })).toBeVisible();
  await asn.getByRole('button', { name: 'Ajukan Kembali' }).click();
  await asn.getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(asn.getByText('Diajukan kembali setelah perbaikan')).toBeVisible();

  // The RA operator checks every item and approves
  await ra.goto('/sertifikat/verifikasi');
  await ra
    .getByRole('row', { name: /Nurul Hidayah/ })
    .getByRole('link')
    .click();
  for (const item of [
    'Surat pengantar Kepala Perangkat Daerah sah',
    'Rekomendasi atasan sah',
    'E-mail dinas pada domain Pemda',
    'Identitas sesuai e-KTP',
    'Data permohonan benar dan lengkap',
  ]) {
    await ra.getByLabel(item).check();
  }
  await ra.getByRole('button', { name: 'Terima' }).click();
  await ra.getByRole('alertdialog').getByRole('button', { name: 'Terima' }).click();
  await expect(ra.getByText('Permohonan diterima.').first()).toBeVisible();

  // The ASN accepts the agreement, makes the key in the browser and receives the certificate
  await asn.goto(appUrl);
  await expect(asn.getByText('Penerbitan Sertifikat (langsung oleh pemohon)')).toBeVisible();
  await asn.getByLabel('Saya telah membaca dan menyetujui perjanjian dan kewajiban pemilik sertifikat di atas.').check();
  await asn.getByRole('button', { name: 'Buat Kunci dan Terbitkan Sertifikat' }).click();
  await expect(asn.getByText('Sertifikat Anda telah terbit')).toBeVisible();
  await expect(asn.getByText(/CN=Nurul Hidayah/)).toBeVisible();
  await asn.getByLabel('Passphrase', { exact: true }).fill('Rahasia-Sekali#2026');
  await asn.getByLabel('Ulangi passphrase').fill('Rahasia-Sekali#2026');
  const p12 = asn.waitForEvent('download');
  await asn.getByRole('button', { name: 'Unduh PKCS#12 (.p12)' }).click();
  expect((await p12).suggestedFilename()).toMatch(/\.p12$/);
  const receipt = asn.waitForEvent('download');
  await asn.getByRole('link', { name: 'Tanda terima (PDF)' }).click();
  expect((await receipt).suggestedFilename()).toMatch(/^tanda-terima-.*\.pdf$/);
});
