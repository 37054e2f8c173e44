import { expect as baseExpect, test, type Page } from '@playwright/test';

// the shared 2-core machine is slow: give each assertion more time
const expect = baseExpect.configure({ timeout: 20_000 });

const PASSWORD = 'Demo-Persada#2026';
const OPERATOR = 'fajar.nugroho@contohkota.go.id'; // operator_opd of DINKES
const ADMIN = 'admin.persada@contohkota.go.id';
const EVENT = 'Rekam medis e-Puskesmas bocor lewat akun bersama (uji tautan)';
const EVENT_RE = new RegExp(EVENT.replace(/[()]/g, '\\$&'));

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();
}

test('[E1][B7] the operator picks an application as the risk asset with the keyboard and sees the risk on the application page', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, OPERATOR);

  await page.getByRole('link', { name: 'Register Risiko' }).click();
  await page.getByRole('button', { name: 'Tambah risiko' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Konteks (UPR dan periode)').selectOption({ label: 'Dinas Kesehatan — 2026' });
  await dialog.getByLabel('Aset / sistem').fill('Data rekam medis');

  // the searchable picker: type, move with ArrowDown, choose with Enter
  await expect(dialog.getByLabel('Jenis sistem')).toHaveValue('sys_application');
  const picker = dialog.getByRole('combobox', { name: 'Sistem elektronik (opsional)' });
  await picker.fill('puskes');
  const listbox = dialog.getByRole('listbox');
  await expect(listbox.getByRole('option')).toHaveCount(1);
  await expect(listbox.getByRole('option', { name: /e-Puskesmas/ })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(picker).toHaveValue('e-Puskesmas');
  await expect(dialog.getByRole('listbox')).toHaveCount(0);

  await dialog.getByLabel('Kejadian risiko').fill(EVENT);
  await dialog.getByLabel('Kategori risiko').selectOption({ label: 'Keamanan SPBE' });
  await dialog.getByLabel('Area dampak').selectOption({ label: 'Layanan Organisasi' });
  const inherent = dialog.getByRole('group', { name: 'Risiko inheren' });
  await inherent.getByLabel('Kemungkinan').selectOption('3');
  await inherent.getByLabel('Dampak').selectOption('4');
  await dialog.getByRole('button', { name: 'Simpan' }).click();

  // the detail page links the asset to the application
  await expect(page.getByRole('heading', { name: EVENT_RE })).toBeVisible();
  const code = (await page.getByRole('heading', { name: EVENT_RE }).textContent())!.split(' · ')[0];
  await page.getByTestId('risk-asset-link').click();

  // the application page lists the risk recorded on it
  await expect(page.getByRole('heading', { name: 'e-Puskesmas' })).toBeVisible();
  const onApp = page.getByRole('region', { name: 'Risiko yang tercatat pada sistem ini' });
  await expect(onApp.getByRole('link', { name: `${code} ${EVENT}` })).toBeVisible();
  await onApp.getByRole('link', { name: `${code} ${EVENT}` }).click();
  await expect(page.getByRole('heading', { name: EVENT_RE })).toBeVisible();
  const riskUrl = page.url();

  // the governance admin links the incident-handling procedure to the risk it treats
  await signIn(page, ADMIN);
  await page.goto('/tata-kelola/prosedur');
  await page.getByRole('row', { name: /penanganan insiden Keamanan Informasi/i }).getByRole('button', { name: 'Ubah' }).click();
  const edit = page.getByRole('dialog');
  const riskPicker = edit.getByRole('combobox', { name: 'Tambah risiko yang ditangani' });
  await riskPicker.fill('uji tautan');
  const risks = edit.getByRole('listbox', { name: 'Tambah risiko yang ditangani' });
  await expect(risks.getByRole('option')).toHaveCount(1);
  await expect(risks.getByRole('option', { name: new RegExp(`${code} `) })).toBeVisible();
  await riskPicker.press('ArrowDown');
  await riskPicker.press('Enter');
  await expect(edit.getByRole('list', { name: 'Tautan risiko dan kewajiban' })).toContainText(`${code} ${EVENT}`);
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // the risk page shows the control treating it
  await page.goto(riskUrl);
  const treating = page.getByRole('region', { name: 'Aturan dan prosedur pengendalian yang menangani risiko ini' });
  await expect(treating.getByRole('link', { name: /Prosedur r\. .*penanganan insiden/i })).toBeVisible();
});
