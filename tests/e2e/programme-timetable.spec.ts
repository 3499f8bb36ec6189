// The programme as every delegate reads it: the timetable, a session's own page, its
// calendar files, in each language, on a phone and on a desk.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import ical from 'node-ical';
import { BROWSER_LOCALE, LOCALES, expect, t, test } from './fixtures';

const EVENT = '/social-workforce-2018';
const OPENING = '50000000-0000-4000-8000-000000001801';
const SCREENSHOTS = 'test-results/screenshots/programme';

async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const locale of LOCALES) {
	test.describe(`session page in ${locale}`, () => {
		test.use({ locale: BROWSER_LOCALE[locale], timezoneId: 'Europe/Bucharest' });

		test('a programme card opens the session with its time, room and people', async ({ page }) => {
			await page.goto(`${EVENT}/programme`);
			const card = page.getByRole('article').first();
			const title = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
			await card.getByRole('link', { name: title }).click();
			await expect(page).toHaveURL(`${EVENT}/programme/${OPENING}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.getByText('09:00–10:30')).toBeVisible();
			await expect(page.getByText(t(locale, 'programme.format.plenary'), { exact: true })).toBeVisible();
			await expect(
				page.getByText(t(locale, 'programme.role.chair', { count: 1, format: 'plenary' }), { exact: true })
			).toBeVisible();
			await expect(page.getByRole('heading', { level: 2, name: t(locale, 'timetable.session.people') })).toBeVisible();
			// The reader is in Bucharest too: no second clock.
			await expect(page.getByTestId('reader-time')).toHaveCount(0);
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

test('a reader elsewhere sees the session in their own time as well', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Asia/Almaty' });
	const page = await context.newPage();
	await page.goto(`${EVENT}/programme/${OPENING}`);
	await expect(page.getByText('09:00–10:30')).toBeVisible();
	// 09:00 in Bucharest (UTC+2 in November) was 13:00 in Almaty (UTC+6 until 2024).
	await expect(page.getByTestId('reader-time')).toContainText('13:00–14:30');
	await context.close();
});

test.describe('missing sessions', () => {
	test.use({ allowedConsoleErrors: [/status of 404/] });

	test('an unknown or malformed session is a 404', async ({ page }) => {
		for (const id of ['50000000-0000-4000-8000-00000000ffff', 'not-a-session']) {
			const response = await page.goto(`${EVENT}/programme/${id}`);
			expect(response?.status(), id).toBe(404);
		}
	});
});

test('the session page at phone and desk widths', async ({ browser }) => {
	for (const width of [390, 1280]) {
		const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ro-RO' });
		const page = await context.newPage();
		await page.goto(`${EVENT}/programme/${OPENING}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${SCREENSHOTS}/session-${width}.png`, fullPage: true });
		await context.close();
	}
});

test.describe('calendar files', () => {
	test.use({ locale: 'ro-RO' });

	test('one session’s .ics parses with its instants, Romanian title and page address', async ({ page, baseURL }) => {
		await page.goto(`${EVENT}/programme/${OPENING}`);
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: t('ro', 'timetable.addToCalendar') }).click();
		const file = await download;
		const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString());
		const events = Object.values(ical.sync.parseICS(text)).filter((item) => item?.type === 'VEVENT') as ical.VEvent[];
		expect(events).toHaveLength(1);
		// 09:00 Bucharest on 21 November 2018 (UTC+2).
		expect(events[0]!.start.toISOString()).toBe('2018-11-21T07:00:00.000Z');
		expect(events[0]!.end?.toISOString()).toBe('2018-11-21T08:30:00.000Z');
		expect(events[0]!.summary).toBe((await page.getByRole('heading', { level: 1 }).innerText()).trim());
		const url = events[0]!.url as unknown as { val: string };
		expect(url.val).toBe(`${baseURL}${EVENT}/programme/${OPENING}`);
	});
});
