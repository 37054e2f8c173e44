import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'Demo-Persada#2026';
const ASN = 'nurul.hidayah@contohkota.go.id';
const RA = 'rina.marlina@contohkota.go.id';
const OFFICIAL = 'rahmat.hidayat@contohkota.go.id'; // seeded with an approved application
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

/** Runs a command of the host (certutil, pdfsig) and returns its exit code and output. */
const run = (cmd: string, args: string[]) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );

/** Accepts the subscriber agreement and makes the key in this browser (the key stays in its IndexedDB). */
async function issueInBrowser(page: Page, cn: string) {
  await expect(page.getByText('Penerbitan Sertifikat (langsung oleh pemohon)')).toBeVisible();
  await page.getByLabel('Saya telah membaca dan menyetujui perjanjian dan kewajiban pemilik sertifikat di atas.').check();
  await page.getByRole('button', { name: 'Buat Kunci dan Terbitkan Sertifikat' }).click();
  await expect(page.getByText('Sertifikat Anda telah terbit')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(new RegExp(`CN=${cn}`))).toBeVisible();
  await expect(page.getByText('Salinan kunci privat yang tidak dapat diekspor disimpan di peramban ini.')).toBeVisible();
}

/** Signs the open signing request with the browser key (password re-entry). */
async function signHere(page: Page, keyLabel: string) {
  await expect(page.getByText('Tandatangani dokumen ini')).toBeVisible();
  await expect(page.getByLabel('Sertifikat penandatanganan')).toContainText(keyLabel);
  await page.getByLabel('Masukkan ulang kata sandi Anda').fill(PASSWORD);
  await page.getByRole('button', { name: 'Tandatangani', exact: true }).click();
  await expect(page.getByText('Dokumen berhasil ditandatangani.').first()).toBeVisible({ timeout: 90_000 });
}

/** The public verifier, without a session: upload the PDF and read the report. */
async function verifyAnonymously(browser: Browser, file: string): Promise<Page> {
  const anon = await (await browser.newContext()).newPage();
  await anon.goto('/verifikasi');
  await expect(anon.getByRole('heading', { name: 'Verifikasi Dokumen Elektronik' })).toBeVisible();
  await anon.getByLabel('Dokumen PDF bertanda tangan').setInputFiles(file);
  await anon.getByRole('button', { name: 'Periksa' }).click();
  await expect(anon.getByTestId('verdict')).toBeVisible({ timeout: 60_000 });
  return anon;
}

test('[K3][K5][K6][K7][K9][K10][K11][K12][K14][K15] ASN mengajukan, ditolak, memperbaiki, disetujui, membuat kunci di peramban, menandatangani PDF bersama pejabat kedua; verifikator dan pdfsig mengesahkan, lalu melihat pencabutan', async ({
  browser,
}) => {
  test.setTimeout(600_000);
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
  await issueInBrowser(asn, 'Nurul Hidayah');
  await asn.getByLabel('Passphrase', { exact: true }).fill('Rahasia-Sekali#2026');
  await asn.getByLabel('Ulangi passphrase').fill('Rahasia-Sekali#2026');
  const p12 = asn.waitForEvent('download');
  await asn.getByRole('button', { name: 'Unduh PKCS#12 (.p12)' }).click();
  expect((await p12).suggestedFilename()).toMatch(/\.p12$/);
  const receipt = asn.waitForEvent('download');
  await asn.getByRole('link', { name: 'Tanda terima (PDF)' }).click();
  expect((await receipt).suggestedFilename()).toMatch(/^tanda-terima-.*\.pdf$/);

  // The ASN uploads an official PDF with herself and a second official as signers, in order
  await asn.getByRole('link', { name: 'Tanda Tangan Elektronik' }).first().click();
  await asn.getByRole('button', { name: 'Unggah dokumen' }).click();
  const up = asn.getByRole('dialog');
  await up.getByLabel('Dokumen PDF').setInputFiles({ name: 'nota-dinas.pdf', mimeType: 'application/pdf', buffer: PDF });
  await up.getByLabel('Perihal dokumen').fill('Nota Dinas Pelayanan Adminduk Daring');
  await up.getByLabel('Nomor surat').fill('470/123/Disdukcapil/2026');
  await up.getByLabel('Tambah penanda tangan').fill('Nurul');
  await up.getByRole('button', { name: /Nurul Hidayah/ }).first().click();
  await up.getByLabel('Tambah penanda tangan').fill('Rahmat');
  await up.getByRole('button', { name: /Rahmat Hidayat/ }).first().click();
  await expect(up.getByRole('list', { name: 'Penanda tangan' }).getByRole('listitem')).toHaveCount(2);
  await up.getByRole('button', { name: 'Kirim permintaan' }).click();
  await expect(asn.getByRole('heading', { name: 'Nota Dinas Pelayanan Adminduk Daring' })).toBeVisible();
  const signUrl = asn.url();
  await signHere(asn, 'Nurul Hidayah');

  // The second official accepts the agreement, makes his key in his own browser and co-signs
  const official = await signIn(browser, OFFICIAL);
  await official.getByRole('link', { name: 'Sertifikat Saya' }).click();
  await official
    .getByRole('row', { name: /Rahmat Hidayat/ })
    .getByRole('link')
    .first()
    .click();
  await issueInBrowser(official, 'Rahmat Hidayat');
  await official.goto(signUrl);
  await signHere(official, 'Rahmat Hidayat');
  await expect(official.getByText(/^Ditandatangani \d/)).toHaveCount(2);

  // The signed PDF is downloaded
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persada-e2e-sig-'));
  const signedPdf = path.join(dir, 'nota-dinas-ttd.pdf');
  const dl = official.waitForEvent('download');
  await official.getByRole('link', { name: 'Unduh PDF' }).click();
  await (await dl).saveAs(signedPdf);

  // Anyone checks it on the public verifier: both signatures valid (integrity, chain, timestamp)
  let anon = await verifyAnonymously(browser, signedPdf);
  await expect(anon.getByTestId('verdict')).toHaveText('Dokumen ASLI: semua tanda tangan sah dan dokumen tidak diubah setelah ditandatangani.');
  await expect(anon.getByText('Tanda tangan sah.', { exact: true })).toHaveCount(2);
  await expect(anon.getByText(/Tanda tangan 1: Nurul Hidayah/)).toBeVisible();
  await expect(anon.getByText(/Tanda tangan 2: Rahmat Hidayat/)).toBeVisible();
  await expect(anon.getByText('Terpercaya', { exact: false })).toHaveCount(2);
  await expect(anon.getByText(/ — sah$/)).toHaveCount(2); // RFC 3161 timestamp of each signature
  await anon.context().close();

  // pdfsig (poppler/NSS) with a database that trusts only the Pemda root says both are valid
  const nss = path.join(dir, 'nssdb');
  fs.mkdirSync(nss);
  const rootPem = await (await asn.request.get('/pki/kota-contoh/root.pem')).text();
  fs.writeFileSync(path.join(dir, 'root.pem'), rootPem);
  expect((await run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password'])).code).toBe(0);
  expect((await run('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'Root CA Kota Contoh', '-t', 'CT,C,C', '-i', path.join(dir, 'root.pem')])).code).toBe(0);
  const valid = await run('pdfsig', ['-nssdir', `sql:${nss}`, signedPdf]);
  expect(valid.out.match(/Signature Validation: Signature is Valid\./g), valid.out).toHaveLength(2);
  expect(valid.out.match(/Certificate Validation: Certificate is Trusted\./g), valid.out).toHaveLength(2);

  // The ASN reports her key compromised; the RA operator revokes the certificate (K9, K12)
  await asn.getByRole('link', { name: 'Sertifikat Saya' }).click();
  await asn.getByRole('link', { name: /CN=Nurul Hidayah/ }).click();
  await asn.getByLabel('Alasan', { exact: true }).selectOption('affiliationChanged');
  await asn.getByLabel('Keterangan', { exact: true }).fill('Pindah tugas ke Dinas Kesehatan per 1 Desember.');
  await asn.getByRole('button', { name: 'Kirim laporan' }).click();
  await asn.getByRole('alertdialog').getByRole('button', { name: 'Kirim laporan' }).click();
  await expect(asn.getByText('Permintaan pencabutan dikirim ke Otoritas Pendaftaran.').first()).toBeVisible();
  await ra.getByRole('link', { name: 'Pencabutan', exact: true }).click();
  await ra
    .getByRole('row', { name: /Nurul Hidayah/ })
    .getByRole('button', { name: 'Cabut' })
    .click();
  await ra.getByRole('alertdialog').getByRole('button', { name: 'Cabut' }).click();
  await expect(ra.getByText('Keputusan disimpan.').first()).toBeVisible();

  // The verifier shows the revocation now, and pdfsig reports it through the OCSP responder
  anon = await verifyAnonymously(browser, signedPdf);
  // Signed (and timestamped) before the revocation: still intact, but flagged with the revocation
  await expect(anon.getByTestId('verdict')).toHaveText('Tanda tangan utuh, tetapi ada hal yang perlu diperhatikan (lihat rincian).');
  await expect(anon.getByText('Tanda tangan utuh dengan catatan.', { exact: true })).toHaveCount(1);
  await expect(anon.getByText('Tanda tangan sah.', { exact: true })).toHaveCount(1);
  await expect(anon.getByText(/^Dicabut \(.+ WIB\) · dari layanan OCSP$/)).toHaveCount(1);
  const revoked = await run('pdfsig', ['-nssdir', `sql:${nss}`, signedPdf]);
  expect(revoked.out, revoked.out).toMatch(/Certificate has been Revoked/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('[K1][K11] Kepala Dinas mencatat perjanjian dengan BSrE beserta naskahnya, menunjuk Pengelola RA dengan SK, lalu mengakhiri penunjukan', async ({ browser }) => {
  const head = await signIn(browser, OFFICIAL);
  await head.getByRole('link', { name: 'Pengelola RA', exact: true }).click();
  await expect(head.getByRole('heading', { name: 'Pengelola RA dan Perjanjian' })).toBeVisible();
  // the seeded operator and agreement
  await expect(head.getByRole('row', { name: /Rina Marlina/ })).toBeVisible();

  await head.getByRole('button', { name: 'Catat Perjanjian' }).click();
  const agr = head.getByRole('dialog');
  await agr.getByLabel('Nomor perjanjian *').fill('B/301/BSrE/PKS.01.00/2026');
  await agr.getByLabel('Tanggal perjanjian *').fill('2026-11-02');
  await agr.getByLabel('Berlaku sampai').fill('2029-11-01');
  await agr.getByLabel('Naskah perjanjian (PDF/gambar)').setInputFiles(pdf('pks-bsre-2026.pdf'));
  await agr.getByRole('button', { name: 'Simpan' }).click();
  await expect(head.getByText('Perjanjian disimpan.').first()).toBeVisible();
  const file = head.waitForEvent('download');
  await head.getByRole('link', { name: 'pks-bsre-2026.pdf' }).click();
  expect((await file).suggestedFilename()).toBe('pks-bsre-2026.pdf');

  await head.getByRole('button', { name: 'Tunjuk Pengelola' }).click();
  const dlg = head.getByRole('dialog');
  await dlg.getByLabel('Cari pengguna').fill('Dedi');
  await expect(dlg.getByRole('option', { name: /Dedi Kurniawan/ })).toHaveCount(1);
  await dlg.getByLabel('Pengguna *').selectOption({ label: 'Dedi Kurniawan (dedi.kurniawan@contohkota.go.id)' });
  await dlg.getByLabel('Nomor SK *').fill('800/050/DISKOMINFO/2026');
  await dlg.getByLabel('Tanggal SK *').fill('2026-11-02');
  await dlg.getByRole('button', { name: 'Tunjuk Pengelola' }).click();
  await expect(head.getByText('Pengelola RA ditunjuk.').first()).toBeVisible();
  const row = head.getByRole('row', { name: /Dedi Kurniawan/ });
  await expect(row).toContainText('800/050/DISKOMINFO/2026');
  await row.getByRole('button', { name: 'Akhiri Penunjukan' }).click();
  await head.getByRole('alertdialog').getByRole('button', { name: 'Akhiri Penunjukan' }).click();
  await expect(head.getByText('Penunjukan diakhiri.').first()).toBeVisible();
  await expect(head.getByRole('row', { name: /Dedi Kurniawan/ })).toHaveCount(0);
  await head.getByLabel('Tampilkan yang sudah berakhir').check();
  await expect(head.getByRole('row', { name: /Dedi Kurniawan/ })).toContainText('penunjukan berakhir');
});
