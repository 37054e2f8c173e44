import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[B8][B4][B10] open the incident-handling SOP, see its steps, download the PDF; move a policy from draft to approved', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  // The SOP of incident handling (PI.03) with its flow table
  await page.getByRole('link', { name: 'SOP', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Standar Operasional Prosedur' })).toBeVisible();
  await page.getByRole('link', { name: 'Penanganan Insiden Keamanan Informasi TI' }).click();
  await expect(page.getByRole('heading', { name: /PI\.03 — Penanganan Insiden Keamanan Informasi TI/ })).toBeVisible();
  const steps = page.getByRole('table', { name: 'Uraian prosedur' });
  await expect(steps.getByRole('columnheader', { name: 'Koordinator' })).toBeVisible();
  await expect(steps.getByRole('cell', { name: /melakukan isolasi sistem melalui pemutusan koneksi keluar/ })).toBeVisible();
  await expect(steps.getByText('Kurang dari 5 menit setelah kejadian diketahui')).toBeVisible();
  await expect(page.getByText('Logbook Insiden Keamanan Informasi').first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sop-pi-03-penanganan-insiden.*\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // A draft policy goes to review, then is approved, each step confirmed
  await page.getByRole('link', { name: 'Kebijakan & Peraturan' }).click();
  const row = page.getByRole('row', { name: /Kebijakan Penggunaan Kata Sandi/ });
  await expect(row.getByText('Draf', { exact: true })).toBeVisible();
  // an approval button is not offered for a draft
  await expect(row.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Ajukan telaah' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('diajukan untuk ditelaah');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ajukan telaah' }).click();
  await expect(row.getByText('Telaah', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('tidak dapat diubah lagi');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Setujui' }).click();
  await expect(row.getByText('Disetujui', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Berlakukan' })).toBeVisible();
});
