import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[A2][A3][A6] login → add an OPD → add a person with a NIP → see the audit entry, in Indonesian', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  // Add an OPD
  await page.getByRole('link', { name: /OPD/ }).first().click();
  await page.getByRole('button', { name: 'Tambah OPD' }).click();
  const opdDialog = page.getByRole('dialog');
  await opdDialog.getByLabel('Kode', { exact: true }).fill('4.01');
  await opdDialog.getByLabel('Nama OPD').fill('Dinas Perhubungan');
  await opdDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('cell', { name: 'Dinas Perhubungan', exact: true })).toBeVisible();

  // Add a person: a wrong NIP is explained in Indonesian, then corrected
  await page.getByRole('link', { name: 'Pegawai' }).first().click();
  await page.getByRole('button', { name: 'Tambah Pegawai' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama lengkap').fill('Rudi Hartono');
  await dialog.getByLabel('NIP').fill('19880412201503100');
  await dialog.getByLabel('Email').fill('rudi.hartono@contohkota.go.id');
  await dialog.getByLabel('OPD').selectOption({ label: 'Dinas Perhubungan' });
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('NIP harus 18 digit angka.')).toBeVisible();
  await dialog.getByLabel('NIP').fill('198804122015031002');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('cell', { name: /Rudi Hartono/ }).first()).toBeVisible();

  // The audit log shows who created the person
  await page.getByRole('link', { name: 'Jejak Audit' }).click();
  const row = page.getByRole('row', { name: /Admin Persada.*Membuat.*Pegawai/ }).first();
  await expect(row).toBeVisible();
  // expanding the row shows what was recorded, including the NIP
  await row.getByRole('button').first().click();
  await expect(page.getByText('198804122015031002').first()).toBeVisible();
});
