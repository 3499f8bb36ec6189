import { expect, t, test } from './fixtures';
import { waitForLinkAllowance } from './sign-in-as';

test.describe('sign-in by magic link', () => {
	test.use({ locale: 'ro-RO' });

	test("a bad address is refused in the reader's language and kept in the field", async ({ page }) => {
		await page.goto('/sign-in');
		const email = page.getByLabel(t('ro', 'auth.email'));
		await email.fill('ioana.dumitrescu@');
		await page.getByRole('button', { name: t('ro', 'auth.sendLink') }).click();
		// The error is read first when the field takes focus, then the hint.
		await expect(email).toHaveAccessibleDescription(
			`${t('ro', 'auth.errors.emailInvalid')} ${t('ro', 'auth.emailHint')}`
		);
		await expect(email).toHaveValue('ioana.dumitrescu@');
		await expect(email).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toBeFocused();
	});

	test('a delegate signs in from the mailed link and signs out', async ({ page }) => {
		await page.goto('/social-workforce-2018/programme');
		await page.getByRole('link', { name: t('ro', 'auth.signIn') }).click();
		await waitForLinkAllowance(page, 'delegate.am.2@accord.test');
		await page.getByLabel(t('ro', 'auth.email')).fill(' Delegate.AM.2@Accord.test ');
		await page.getByRole('button', { name: t('ro', 'auth.sendLink') }).click();
		await expect(page.getByRole('status')).toContainText('delegate.am.2@accord.test');

		await page.goto('/dev/outbox');
		const message = page.getByRole('listitem').filter({ hasText: 'delegate.am.2@accord.test' }).first();
		await message.getByRole('link', { name: t('ro', 'outbox.openLink') }).click();

		await expect(page).toHaveURL(/\/social-workforce-2018\/programme$/);
		await expect(page.getByText(t('ro', 'auth.signedInAs', { name: 'Tigran Hakobyan' }))).toBeVisible();

		await page.getByRole('button', { name: t('ro', 'auth.signOut') }).click();
		await expect(page.getByRole('link', { name: t('ro', 'auth.signIn') })).toBeVisible();
		await page.goto('/social-workforce-2018/programme');
		await expect(page.getByRole('link', { name: t('ro', 'auth.signIn') })).toBeVisible();
	});

	test('a used or forged link says so and offers a new one', async ({ page }) => {
		await page.goto('/auth/confirm?token_hash=0000&type=magiclink&next=%2F');
		await expect(page).toHaveURL(/\/sign-in\?error=link/);
		await expect(page.getByRole('alert')).toHaveText(t('ro', 'auth.errors.linkExpired'));
	});
});
