import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[R-REG][K4] open MDN-30, read Pasal 7, attest an obligation and see its status change, in Indonesian', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible({ timeout: 20_000 });

  // The library lists the seeds; the demo Pemda is bound to them
  await page.getByRole('link', { name: 'Pustaka Regulasi' }).click();
  await page.getByPlaceholder('Cari kode, judul, penerbit …').fill('MDN-30');
  const link = page.getByRole('link', { name: /Perwal 30\/2019/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await link.click();

  // Pasal 7 with its ayat text
  await expect(page.getByRole('heading', { name: 'Perwal Madiun Nomor 30 Tahun 2019' })).toBeVisible({ timeout: 20_000 });
  const pasal7 = page.getByRole('article', { name: 'Pasal 7' });
  await expect(pasal7.getByText(/wajib memiliki Sertifikat Elektronik yang digunakan selama melaksanakan tugas kedinasan/)).toBeVisible({ timeout: 20_000 });

  // The ASN obligation (no automatic check) is missing until attested
  const obligation = pasal7.getByTestId('obligation').filter({ hasText: 'Setiap ASN yang bertugas' });
  await expect(obligation.getByText('Belum terpenuhi')).toBeVisible({ timeout: 20_000 });
  await obligation.getByRole('button', { name: 'Nyatakan terpenuhi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pernyataan').fill('Seluruh ASN Dinas Kominfo telah memiliki Sertifikat Elektronik BSrE per November 2026.');
  await dialog.getByRole('button', { name: 'Simpan pernyataan' }).click();
  await expect(page.getByText('Pernyataan pemenuhan disimpan.', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(obligation.getByText('Terpenuhi', { exact: true })).toBeVisible({ timeout: 20_000 });

  // The compliance view counts it too
  await page.getByRole('link', { name: 'Lihat kepatuhan' }).click();
  await expect(page.getByRole('heading', { name: 'Kepatuhan MDN-30' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Pasal 7' }).getByText(/Dinyatakan terpenuhi/)).toBeVisible({ timeout: 20_000 });
});

test('[R-REG] import a Pemda regulation: the error names the line, the corrected file is imported and bound', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Pustaka Regulasi' }).click();
  await page.getByRole('button', { name: 'Impor regulasi' }).click();
  const dialog = page.getByRole('dialog');
  const yaml = (text: string) => [
    'code: PERWAL-CONTOH-5-2026',
    'kind: perwal',
    'issuer: Wali Kota Contoh',
    'number: "5"',
    'year: 2026',
    'title: Penyelenggaraan Persandian di Lingkungan Pemerintah Kota Contoh',
    'articles:',
    '  - number: "1"',
    '    clauses:',
    `      - text: "${text}"`,
    'obligations:',
    '  - { article: "1", text: "Dinas menyusun rencana strategis.", bearer: dinas, frequency: every_5_years, requirements: [B1] }',
    '',
  ].join('\n');
  await dialog.getByLabel('Berkas regulasi').setInputFiles({ name: 'perwal-5.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml('')) });
  await dialog.getByRole('button', { name: 'Impor regulasi' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Baris 10 (articles[0].clauses[0].text): Wajib diisi.');
  await dialog.getByLabel('Berkas regulasi').setInputFiles({ name: 'perwal-5.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml('Dinas menyelenggarakan persandian.')) });
  await dialog.getByRole('button', { name: 'Impor regulasi' }).click();
  await expect(page.getByRole('heading', { name: 'Perwal Contoh Nomor 5 Tahun 2026' })).toBeVisible();
  await expect(page.getByText('Diikat', { exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Pasal 1' })).toContainText('Dinas menyelenggarakan persandian.');
});
