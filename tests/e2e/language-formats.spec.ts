// A Romanian or a Russian delegate reads numbers, zones and labels as their language writes
// them: the sign-in mail in their language, the seeded round's 66.67 % threshold with a
// decimal comma, the event's time zone by its name (never "Europe/Bucharest"), and plural
// role labels over lists of people; a visitor reads the venue and guests' affiliations
// translated.
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { MAIL_WORDING } from '../../supabase/local/auth/mail-templates.ts';
import { waitForLinkAllowance } from './sign-in-as';

const EVENT = '/social-workforce-2018';
const READER = {
	// Seeded delegates whose preferred language is the one under test.
	ro: { email: 'delegate.md.1@accord.test', zone: 'Ora Europei de Est' },
	ru: { email: 'delegate.kz.1@accord.test', zone: 'Восточная Европа' }
} as const;

for (const locale of ['ro', 'ru'] as const) {
	test.describe(`a delegate reading in ${locale}`, () => {
		test.use({ locale: BROWSER_LOCALE[locale] });

		test('gets the sign-in mail, the programme and the indicators in their own formats', async ({ page }) => {
			const { email, zone } = READER[locale];
			// Typed before hydration, the address could be reset by it: wait until the page's code is in.
			await page.goto(`/sign-in?next=${encodeURIComponent(`${EVENT}/programme`)}`, { waitUntil: 'networkidle' });
			await waitForLinkAllowance(page, email);
			await page.getByLabel(t(locale, 'auth.email')).fill(email);
			await page.getByRole('button', { name: t(locale, 'auth.sendLink') }).click();
			await expect(page.getByRole('status')).toContainText(email);

			await page.goto('/dev/outbox');
			const mail = page.getByRole('listitem').filter({ hasText: email }).first();
			await expect(mail.getByRole('heading')).toHaveText(MAIL_WORDING[locale].subject.magiclink);
			await mail.getByRole('link', { name: t(locale, 'outbox.openLink') }).click();
			await expect(page).toHaveURL(new RegExp(`${EVENT}/programme$`));

			// The programme: the zone by name, the day-3 voting round with a decimal comma.
			const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
			await expect(header).toContainText(t(locale, 'programme.timeZoneNote', { timeZone: zone }));
			await expect(page.locator('main')).not.toContainText('Europe/Bucharest');
			const round = page.getByTestId('voting-round');
			await expect(round).toContainText('66,67');
			await expect(round).not.toContainText('66.67');
			// The closing plenary lists two rapporteurs under a plural label.
			const closing = page.getByRole('article').filter({ hasText: /14:00.16:00/ });
			await expect(closing).toContainText(t(locale, 'programme.role.rapporteur', { count: 2 }));

			// The indicators: quorum and threshold with a decimal comma, the schedule with the zone.
			await page.getByRole('link', { name: t(locale, 'nav.indicators'), exact: true }).click();
			const summary = t(locale, 'indicators.roundSummary', { count: 15, quorum: 50, threshold: 66.67 });
			expect(summary).toContain('66,67');
			const listed = page.getByRole('listitem').filter({ hasText: '66,67' });
			await expect(listed).toContainText(summary);
			await expect(listed).toContainText(zone);
			await expect(listed).toContainText('09:00');
			await expect(page.locator('main')).not.toContainText('66.67');
		});
	});
}

// What the seed writes for the conference's venue and the UNICEF guest at the opening plenary.
const PLACES = {
	ro: { venue: 'București, România', unicef: 'Biroul Regional UNICEF pentru Europa și Asia Centrală' },
	ru: { venue: 'Бухарест, Румыния', unicef: 'Региональный офис ЮНИСЕФ для Европы и Центральной Азии' }
} as const;

for (const locale of ['ro', 'ru'] as const) {
	test.describe(`a visitor reading in ${locale}`, () => {
		test.use({ locale: BROWSER_LOCALE[locale] });

		test("sees the venue and the guests' affiliations in their language", async ({ page }) => {
			const { venue, unicef } = PLACES[locale];
			const fallbackNote = t(locale, 'programme.fallback', { language: 'en' });
			await page.goto(`${EVENT}/programme`);
			const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
			await expect(header).toContainText(venue);
			await expect(header).not.toContainText('Bucharest, Romania');
			await expect(header).not.toContainText(fallbackNote);
			// She speaks at the opening and the closing plenary.
			const guest = page.getByRole('definition').filter({ hasText: 'Alison Grant' });
			await expect(guest).toHaveCount(2);
			await expect(guest.first()).toContainText(`Alison Grant, ${unicef}`);
			await expect(guest.first()).not.toContainText('Regional Office');
			await expect(page.locator('main')).not.toContainText(fallbackNote);

			// The event card on the home page names the venue the same way.
			await page.goto('/');
			await expect(page.getByRole('listitem').filter({ hasText: venue })).toHaveCount(1);
		});
	});
}

for (const locale of ['ro', 'ru'] as const) {
	for (const width of [390, 1280]) {
		test(`the ${locale} programme fits a ${width}px screen, long words and themes included`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: { width, height: 900 }, locale: BROWSER_LOCALE[locale] });
			const page = await context.newPage();
			await page.goto(`${EVENT}/programme`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
				0
			);
			// No text runs out of its box: every heading and every day chip stays inside its parent.
			const spilling = await page.evaluate(() =>
				[...document.querySelectorAll('main h1, main h2, main h3, main nav a')]
					.filter((element) => element.scrollWidth > element.clientWidth + 1)
					.map((element) => element.textContent?.trim())
			);
			expect(spilling).toEqual([]);
			if (width >= 1024) {
				// On a desktop the three day chips sit side by side, none cut off at the edge.
				const hidden = await page.evaluate(() => {
					const list = document.querySelector('main nav ul')!.getBoundingClientRect();
					return [...document.querySelectorAll('main nav li')].filter(
						(chip) => chip.getBoundingClientRect().right > list.right + 1
					).length;
				});
				expect(hidden).toBe(0);
			}
			// The indicators and the home page carry the same long Romanian and Russian headings.
			for (const path of [`${EVENT}/indicators`, '/']) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				expect(
					await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
					path
				).toBeLessThanOrEqual(0);
			}
			await context.close();
		});
	}
}
