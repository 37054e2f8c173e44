import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

test('[D13] record a vulnerability assessment on an application with a critical finding, see it in the overview, mark it fixed', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  // The assurance overview lists the infrastructure areas and the applications per function
  await page.getByRole('link', { name: 'Operasi Keamanan', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Operasi Keamanan — Jaminan Keamanan Sistem Elektronik/ })).toBeVisible();
  const overview = page.getByRole('table', { name: /Operasi Keamanan/ });
  await expect(overview.getByRole('row', { name: /Pusat data/ })).toBeVisible();
  const eoffice = overview.getByRole('row', { name: /e-Office/ });
  await expect(eoffice.getByRole('cell').nth(1)).toHaveText('—');

  // Record a vulnerability assessment on e-Office
  await page.getByRole('link', { name: 'Daftar kegiatan' }).click();
  await expect(page.getByRole('heading', { name: 'Kegiatan Siklus Keamanan' })).toBeVisible();
  await page.getByRole('button', { name: 'Catat kegiatan' }).click();
  const dialog = page.getByRole('dialog');
  const target = dialog.getByLabel('Sasaran');
  const value = await target.locator('option', { hasText: 'e-Office' }).getAttribute('value');
  await target.selectOption(value!);
  await dialog.getByLabel('Fungsi').selectOption({ label: 'Identifikasi' });
  await dialog.getByLabel('Jenis kegiatan').selectOption({ label: 'Penilaian kerentanan (VA)' });
  await dialog.getByLabel('Ruang lingkup').fill('eoffice.contohkota.go.id');
  await dialog.getByLabel('Hasil').fill('Satu kerentanan kritis pada unggah lampiran');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Kegiatan tercatat.', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Penilaian kerentanan (VA) — e-Office' })).toBeVisible();

  // A critical finding with a remediation owner and due date
  await page.getByRole('button', { name: 'Tambah temuan' }).click();
  const fd = page.getByRole('dialog');
  await fd.getByLabel('Temuan').fill('Unggah berkas tanpa validasi jenis');
  await fd.getByLabel('Tingkat keparahan').selectOption({ label: 'Kritis' });
  await fd.getByLabel('Penanggung jawab perbaikan').fill('Tim pengembang e-Office');
  await fd.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Temuan tercatat.', { exact: true })).toBeVisible();
  const findings = page.getByRole('table', { name: 'Temuan' });
  const row = findings.getByRole('row', { name: /Unggah berkas tanpa validasi jenis/ });
  await expect(row.getByText('Kritis', { exact: true })).toBeVisible();
  await expect(row.getByText('Terbuka', { exact: true })).toBeVisible();

  // The overview now shows today's identification and one open finding for e-Office
  await page.getByRole('link', { name: 'Operasi Keamanan', exact: true }).click();
  const eoffice2 = page.getByRole('table', { name: /Operasi Keamanan/ }).getByRole('row', { name: /e-Office/ });
  await expect(eoffice2.getByRole('cell').nth(1)).toHaveText(today());
  await expect(eoffice2.getByRole('cell').last()).toHaveText('1');

  // Mark it fixed from the findings list, confirmed
  await page.getByRole('link', { name: 'Temuan Keamanan' }).click();
  await expect(page.getByRole('heading', { name: 'Temuan Keamanan' })).toBeVisible();
  const frow = page.getByRole('table', { name: 'Temuan Keamanan' }).getByRole('row', { name: /Unggah berkas tanpa validasi jenis/ });
  await frow.getByRole('button', { name: 'Tandai diperbaiki' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('sudah diperbaiki');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Tandai diperbaiki' }).click();
  await expect(page.getByText('Status temuan diperbarui.', { exact: true })).toBeVisible();
  await expect(frow.getByText('Diperbaiki', { exact: true })).toBeVisible();
  await expect(frow.getByRole('button', { name: 'Verifikasi' })).toBeVisible();
});
