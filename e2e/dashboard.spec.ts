import { expect as baseExpect, test } from '@playwright/test';

// the shared 2-core machine is slow: give each assertion more time
const expect = baseExpect.configure({ timeout: 20_000 });

const ADMIN = { email: 'admin.persada@contohkota.go.id', password: 'Demo-Persada#2026' };

test('[R-REG][E1][D12] the demo admin sees Keamanan Informasi on the home page: compliance, heat map, systems by category, filtered by OPD', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByText('Kota Contoh').first()).toBeVisible();

  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Keamanan Informasi' }) });
  await expect(section).toBeVisible();

  // compliance by regulation: the five bound seed regulations, each with a percentage
  await expect(section.getByTestId('compliance-score-JBI-35')).toHaveText(/^\d+%$/);
  await expect(section.getByTestId('compliance-list').getByRole('listitem')).toHaveCount(5);

  // the heat map counts the demo risks and lists the top risks
  await expect(section.getByTestId('dashboard-heatmap')).toBeVisible();
  await expect(section.getByText(/[1-9]\d* risiko menurut tingkat saat ini/)).toBeVisible();
  await expect(section.getByTestId('top-risks').getByRole('listitem').first()).toBeVisible();

  // systems by category: 12 active applications (SIPENA is retired), 2 strategic, 5 high
  await expect(section.getByTestId('systems-total')).toHaveText('12');
  await expect(section.getByTestId('systems-strategis')).toHaveText('2');
  await expect(section.getByTestId('systems-tinggi')).toHaveText('5');
  await expect(section.getByTestId('systems-uncategorized')).toHaveText('5');

  // the OPD selector narrows systems (and risks) to Dinas Kesehatan: SIMRS and e-Puskesmas
  await section.getByLabel('Perangkat daerah').selectOption({ label: 'Dinas Kesehatan' });
  await expect(section.getByTestId('systems-total')).toHaveText('2');
  await expect(section.getByTestId('systems-tinggi')).toHaveText('1');
  await expect(section.getByTestId('systems-uncategorized')).toHaveText('1');

  // a heat-map cell opens the filtered risk register
  await section.getByTestId('dash-cell-5-5').click();
  await expect(page).toHaveURL(/\/risiko\?.*likelihood=5/);
});
