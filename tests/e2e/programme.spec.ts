import { BROWSER_LOCALE, LOCALES, expect, t, test } from './fixtures';

const EVENT = '/social-workforce-2018';
const TITLE = {
	en: /^Regional conference on social work and the social service workforce/,
	ro: /^Conferința regională privind asistența socială/,
	ru: /^Региональная конференция по социальной работе/
};

for (const locale of LOCALES) {
	test.describe(`programme in ${locale}`, () => {
		test.use({ locale: BROWSER_LOCALE[locale] });

		test("shows the seeded event, its three days and sessions in the reader's language", async ({ page }) => {
			await page.goto(`${EVENT}/programme`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE[locale]);
			await expect(page.getByTestId('event-name')).toHaveText(TITLE[locale]);
			for (const day of [1, 2, 3]) {
				await expect(
					page.getByRole('heading', { level: 2, name: new RegExp(`^${t(locale, 'programme.day', { number: day })}`) })
				).toBeVisible();
			}
			const sessions = page.getByRole('article');
			expect(await sessions.count()).toBeGreaterThanOrEqual(15);
			// The opening plenary starts at 09:00 Bucharest time whatever the reader's zone.
			await expect(sessions.first()).toContainText('09:00');
			await expect(sessions.first()).toContainText(t(locale, 'programme.format.plenary'));
			await expect(sessions.first()).toContainText(t(locale, 'programme.role.chair', { count: 1, format: 'plenary' }));
			await expect(page.getByRole('link', { name: t(locale, 'nav.programme') })).toHaveAttribute(
				'aria-current',
				'page'
			);
		});

		test('navigates to the indicators and the Call to Action', async ({ page }) => {
			await page.goto(`${EVENT}/programme`);
			await page.getByRole('link', { name: t(locale, 'nav.indicators') }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'indicators.title'));
			await expect(
				page.getByRole('heading', { level: 2, name: t(locale, 'indicators.domain.planning') })
			).toBeVisible();
			expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(12);

			await page.getByRole('link', { name: t(locale, 'nav.callToAction') }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'nav.callToAction'));
		});
	});
}

test('switching language on the programme keeps the page', async ({ page }) => {
	await page.goto(`${EVENT}/programme#day-2`);
	await page.getByRole('button', { name: 'Русский' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE.ru);
	await expect(page).toHaveURL(new RegExp(`${EVENT}/programme`));
});

test('the programme is usable on a phone', async ({ browser }) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'ro-RO' });
	const page = await context.newPage();
	await page.goto(`${EVENT}/programme`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE.ro);
	// Nothing wider than the screen: no sideways scrolling at a conference table.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await context.close();
});
