import { expect, test } from '@playwright/test';
import { ADMIN, freshHost, login, openNav, setupViaApi, shot } from './host';

const host = freshHost();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await setupViaApi(request, host);
});

test('switching to English changes every text, survives a reload, and switches back', async ({
  page,
}) => {
  await page.goto(host.url + '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByRole('heading', { name: 'Sign in to Pelita' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await login(page, host, ADMIN.username, 'wrong-password-1');
  await expect(page.getByTestId('login-error')).toContainText('Wrong username or password.');
  await shot(page, '50-login-en');

  await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` })).toBeVisible();
  await expect(page.getByTestId('today')).toContainText(/Today is \w+day, \d{1,2} \w+ \d{4}/);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByText('Your recent activity')).toBeVisible();
  await expect(page.getByTestId('recent-activity')).toContainText(/\d{2}:\d{2} WITA/);
  await shot(page, '51-home-en');

  await page.reload();
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.fullName}` })).toBeVisible();

  await openNav(page, 'Audit trail');
  await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('First-run setup');
  await expect(page.getByTestId('audit-table')).toContainText('wrong password');
  await shot(page, '52-audit-en');

  await page.getByTestId('language-switch').getByText('ID').click();
  await expect(page.getByRole('heading', { name: 'Jejak audit', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('Pengaturan awal');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('dark theme is remembered', async ({ page }) => {
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await shot(page, '53-home-dark');
  await openNav(page, 'Pengguna');
  await expect(page.getByTestId('users-table')).toBeVisible();
  await shot(page, '54-users-dark');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('narrow window: the navigation folds into a menu button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, host, ADMIN.username, ADMIN.password);
  await expect(
    page.getByRole('heading', { name: `Selamat datang, ${ADMIN.fullName}` }),
  ).toBeVisible();
  await shot(page, '55-home-mobile');
  await page.getByRole('button', { name: 'Buka/tutup menu' }).click();
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Jejak Audit' }),
  ).toBeVisible();
  await shot(page, '56-nav-mobile');
  await openNav(page, 'Pengguna');
  await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
  await shot(page, '57-users-mobile');
});
