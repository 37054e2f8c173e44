import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[R-REG][K4] open MDN-30, read Pasal 7, attest an obligation and see its status change, in Indonesian', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  // The library lists the seeds; the demo Pemda is bound to them
  await page.getByRole('link', { name: 'Pustaka Regulasi' }).click();
  await page.getByPlaceholder('Cari kode, judul, penerbit …').fill('MDN-30');
  const link = page.getByRole('link', { name: /Perwal 30\/2019/ });
  await expect(link).toBeVisible();
  await link.click();

  // Pasal 7 with its ayat text
  await expect(page.getByRole('heading', { name: 'Perwal Madiun Nomor 30 Tahun 2019' })).toBeVisible();
  const pasal7 = page.getByRole('article', { name: 'Pasal 7' });
  await expect(pasal7.getByText(/wajib memiliki Sertifikat Elektronik yang digunakan selama melaksanakan tugas kedinasan/)).toBeVisible();

  // The ASN obligation (no automatic check) is missing until attested
  const obligation = pasal7.getByTestId('obligation').filter({ hasText: 'Setiap ASN yang bertugas' });
  await expect(obligation.getByText('Belum terpenuhi')).toBeVisible();
  await obligation.getByRole('button', { name: 'Nyatakan terpenuhi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Pernyataan').fill('Seluruh ASN Dinas Kominfo telah memiliki Sertifikat Elektronik BSrE per November 2026.');
  await dialog.getByRole('button', { name: 'Simpan pernyataan' }).click();
  await expect(page.getByText('Pernyataan pemenuhan disimpan.')).toBeVisible();
  await expect(obligation.getByText('Terpenuhi', { exact: true })).toBeVisible();

  // The compliance view counts it too
  await page.getByRole('link', { name: 'Lihat kepatuhan' }).click();
  await expect(page.getByRole('heading', { name: 'Kepatuhan MDN-30' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pasal 7' }).getByText(/Dinyatakan terpenuhi/)).toBeVisible();
});
