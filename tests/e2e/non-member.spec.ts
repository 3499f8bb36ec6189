// A signed-in person who is not a member of a published event reads it as a visitor does.
import { expect, t, test } from './fixtures';
import { signInAs } from './sign-in-as';

// In the 2018 conference, not in the 2023 consultation (supabase/seed.sql: in_2023 false).
const NON_MEMBER = 'delegate.uz.1@accord.test';
const EVENT = '/ukraine-recovery-2023';

test.use({ locale: 'en-GB' });

test('a signed-in non-member reads every page of a published event like a visitor', async ({ page }) => {
	await signInAs(page, NON_MEMBER);
	for (const path of ['programme', 'indicators', 'call-to-action']) {
		const response = await page.goto(`${EVENT}/${path}`);
		expect(response?.status(), `${EVENT}/${path}`).toBe(200);
		await expect(page.getByTestId('event-name')).toHaveText(/^Online consultation: the social service workforce/);
	}
	// Client-side navigation asks for the same data as __data.json.
	await page.getByRole('link', { name: t('en', 'nav.programme') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Online consultation/);
});
