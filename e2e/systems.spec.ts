import { expect, test } from '@playwright/test';

// The demo OPD operator of the Dinas Kesehatan (seed: operator_opd of DINKES).
const OPERATOR = { email: 'fajar.nugroho@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[D4][D12] an OPD operator registers an application, categorizes it and sees the category, in Indonesian', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByLabel('Kata sandi').fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  // The applications register shows only the Dinas Kesehatan's applications
  await page.getByRole('link', { name: 'Aplikasi', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Aplikasi' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SIMRS' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'SIMPEG' })).toHaveCount(0);

  // Register a new special application
  await page.getByRole('button', { name: 'Daftarkan Aplikasi' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama', { exact: true }).fill('SIM Gizi Balita');
  await dialog.getByLabel('OPD pemilik').selectOption({ label: 'Dinas Kesehatan' });
  await dialog.getByLabel('Status').selectOption({ label: 'Operasional' });
  await dialog.getByLabel('Fungsi / peruntukan').fill('Pencatatan status gizi balita di posyandu');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Data berhasil ditambahkan.', { exact: true })).toBeVisible();

  // Open it and answer the ten categorization questions: 2 × A, 6 × B, 2 × C = 24 → Tinggi
  await page.getByRole('link', { name: 'SIM Gizi Balita' }).click();
  await expect(page.getByRole('heading', { name: 'SIM Gizi Balita' })).toBeVisible();
  await expect(page.getByText('Belum dikategorikan').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Kategorisasi' }).click();
  const answers = ['A', 'A', 'B', 'B', 'B', 'B', 'B', 'B', 'C', 'C'];
  for (const [i, a] of answers.entries()) await page.locator(`#q${i}-${a}`).check();
  await expect(page.getByText('Skor 24 →')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan Kategorisasi' }).click();
  await expect(page.getByText('Kategorisasi tersimpan: Tinggi.', { exact: true })).toBeVisible();

  // The category shows in the header and in the dated history with the assessor
  await expect(page.getByText('Tinggi · 24').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'A A B B B B B B C C' })).toBeVisible();
});
