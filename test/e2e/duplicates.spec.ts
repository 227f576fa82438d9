/**
 * Finding the same person however the name is written (issue 9), end to end: registering a
 * spelling variant of someone already registered shows the warning with the matcher's level and
 * evidence; the admin review queue merges one pair and marks another "not the same", which is
 * remembered.
 */
import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, login, rpc, setupViaApi, shotSizes } from './host';

const host = freshHost();

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
  const person = (fullName: string, birthDate: string, sex: 'M' | 'F', originCode: string) =>
    rpc(request, host, 'persons.create', {
      fullName,
      birthDate,
      sex,
      originCode,
      identityStatus: 'stated',
    });
  await person('Hariyanto Saputra', '1980-04-02', 'M', '63.03');
  // Two pairs already in the registry, saved despite the warning: queued for review.
  await person('Syamsul Arifin', '1975-01-01', 'M', '63.72');
  await person('Samsul Arifin', '1975-01-01', 'M', '63.72');
  await person('Nafisah Rahmawati', '1990-02-02', 'F', '63.71');
  await person('Hj. Nafisa Rahmawati', '1990-02-02', 'F', '63.71');
});

test('registering a spelling variant warns with the evidence', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/persons/new');
  const form = page.getByTestId('person-form');
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill('Harianto Saputra');
  const birth = form.getByRole('textbox', { name: 'Tanggal lahir' });
  await birth.fill('02/04/1980');
  await birth.press('Tab');
  await form.getByRole('combobox', { name: 'Status identitas' }).click();
  await page.getByRole('option', { name: 'Pengakuan yang bersangkutan' }).click();
  await form.getByTestId('person-save').click();

  const warning = page.getByTestId('duplicates-alert');
  await expect(warning).toHaveAttribute('data-kind', 'similar');
  const candidate = warning.getByTestId('duplicate-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText('Hariyanto Saputra');
  await expect(candidate.getByTestId('match-level')).toHaveText(
    'Kemungkinan besar orang yang sama',
  );
  const evidence = candidate.getByTestId('match-evidence');
  await expect(evidence).toContainText('Ejaan lain: Harianto ≈ Hariyanto');
  await expect(evidence).toContainText('Tanggal lahir sama');
  await shotSizes(page, 'duplicates-01-warning-evidence', warning);
});

test('the review queue merges one pair and marks another "not the same"', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await page.goto(host.url + '/#/admin/duplicates');
  const pairs = page.getByTestId('review-pair');
  await expect(pairs).toHaveCount(2);
  await expect(page.getByTestId('review-scan')).toBeVisible();
  const nafisah = pairs.filter({ hasText: 'Nafisah Rahmawati' });
  await expect(nafisah.getByTestId('match-evidence')).toContainText('Gelar/sapaan diabaikan: Hj.');
  await shotSizes(page, 'duplicates-02-review-queue');

  // Not the same: asked once, remembered.
  await nafisah.getByTestId('review-distinct').click();
  const dialog = page.getByRole('dialog', { name: 'Bukan orang yang sama?' });
  await expect(dialog).toContainText('Nafisah Rahmawati');
  await shotSizes(page, 'duplicates-03-not-the-same');
  await dialog.getByTestId('distinct-confirm').click();
  await expect(pairs).toHaveCount(1);
  await page.reload();
  await expect(pairs).toHaveCount(1);
  await expect(pairs.first()).toContainText('Syamsul Arifin');

  // Merge: the merge screen opens with both records chosen.
  await pairs.first().getByTestId('review-merge').click();
  await expect(page).toHaveURL(/#\/admin\/merge\?a=.*&b=/);
  await page.getByTestId('merge-reason').fill('Orang yang sama, ejaan Syamsul/Samsul');
  await shotSizes(page, 'duplicates-04-merge-from-queue');
  await page.getByTestId('merge-submit').click();
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByRole('heading', { name: /S(y)?amsul Arifin/ })).toBeVisible();

  await page.goto(host.url + '/#/admin/duplicates');
  await expect(page.getByText('Tidak ada pasangan yang menunggu.')).toBeVisible();
});
