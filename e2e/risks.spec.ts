import { expect as baseExpect, test, type Page } from '@playwright/test';

// the shared 2-core machine is slow: give each assertion more time
const expect = baseExpect.configure({ timeout: 20_000 });

const PASSWORD = 'Demo-Persada#2026';
const OPERATOR = 'fajar.nugroho@contohkota.go.id'; // operator_opd of DINKES
const APPROVER = 'lestari.dewi@contohkota.go.id'; // anggota_tim of DINKES, holds risks.approve
const EVENT = 'Server SIMPUS Puskesmas terkena ransomware (uji E2E)';

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();
}

test('[E1] an OPD operator records a 5×4 risk (23 Sangat Tinggi), sees it on the heat map, plans treatment; the risk owner approves', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, OPERATOR);

  // Record the risk from the register
  await page.getByRole('link', { name: 'Register Risiko' }).click();
  await expect(page.getByRole('heading', { name: 'Register Risiko SPBE' })).toBeVisible();
  await page.getByRole('button', { name: 'Tambah risiko' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Konteks (UPR dan periode)').selectOption({ label: 'Dinas Kesehatan — 2026' });
  await dialog.getByLabel('Aset / sistem').fill('Server SIMPUS');
  await dialog.getByLabel('Ancaman', { exact: true }).fill('Ransomware');
  await dialog.getByLabel('Kejadian risiko').fill(EVENT);
  await dialog.getByLabel('Kategori risiko').selectOption({ label: 'Keamanan SPBE' });
  await dialog.getByLabel('Area dampak').selectOption({ label: 'Layanan Organisasi' });
  const inherent = dialog.getByRole('group', { name: 'Risiko inheren' });
  await inherent.getByLabel('Kemungkinan').selectOption('5');
  await inherent.getByLabel('Dampak').selectOption('4');
  await expect(dialog.getByTestId('live-inherent')).toContainText('23');
  await expect(dialog.getByTestId('live-inherent')).toContainText('Sangat Tinggi');
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  // The detail page shows the analysis
  // the next code of the OPD's 2026 register (other specs may have added risks to the same OPD before)
  await expect(page.getByRole('heading', { name: new RegExp(`^R-2026-\\d{3} · ${EVENT.replace(/[()]/g, '\\$&')}$`) })).toBeVisible();
  await expect(page.getByTestId('current-rating')).toContainText(/23\s*· Sangat Tinggi/);

  // The heat map counts it in the 5×4 cell
  await page.getByRole('link', { name: 'Peta Risiko' }).first().click();
  await page.getByLabel('Periode').selectOption('2026');
  const cell = page.getByTestId('cell-5-4');
  await expect(cell).toContainText('23');
  await expect(cell).toContainText('1');
  await cell.click();
  await expect(page).toHaveURL(/likelihood=5/);
  await page.getByRole('link', { name: EVENT }).click();

  // Add a treatment plan
  await page.getByRole('button', { name: 'Tambah rencana' }).click();
  const plan = page.getByRole('dialog');
  await plan.getByLabel('Opsi penanganan').selectOption({ label: 'Mitigasi' });
  await plan.getByLabel('Rencana aksi').fill('Patch bulanan, backup offline harian dan uji pemulihan');
  await plan.getByLabel('Keluaran').fill('Laporan uji pemulihan');
  await plan.getByLabel('Penanggung jawab').fill('Kepala Seksi SIK');
  await plan.getByLabel('Mulai').fill('2026-02-01');
  await plan.getByLabel('Selesai').fill('2026-12-31');
  await plan.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('cell', { name: 'Patch bulanan, backup offline harian dan uji pemulihan' })).toBeVisible();
  await expect(page.getByTestId('approval-status')).toContainText('Belum Disetujui');
  // the operator cannot approve
  await expect(page.getByRole('button', { name: 'Persetujuan pemilik risiko' })).toHaveCount(0);
  const riskUrl = page.url();

  // The risk owner (technical team member of DINKES) approves
  await signIn(page, APPROVER);
  await page.goto(riskUrl);
  await page.getByRole('button', { name: 'Persetujuan pemilik risiko' }).click();
  const approval = page.getByRole('dialog');
  await approval.getByLabel('Keputusan').selectOption({ label: 'Setuju' });
  await approval.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(page.getByTestId('approval-status')).toContainText('Setuju');
  await expect(page.getByTestId('approval-status')).toContainText('Lestari');
});
