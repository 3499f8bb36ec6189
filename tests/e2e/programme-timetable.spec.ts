// The programme as every delegate reads it: the timetable, a session's own page, its
// calendar files, in each language, on a phone and on a desk.
import { seriousViolations } from './axe';
import ical from 'node-ical';
import { BROWSER_LOCALE, LOCALES, expect, t, test } from './fixtures';

const EVENT = '/social-workforce-2018';
const OPENING = '50000000-0000-4000-8000-000000001801';
const SCREENSHOTS = 'test-results/screenshots/programme';
/** Day 2, 11:30 in Bucharest: two parallel sessions are on, two more start at 14:00. */
const DAY_TWO_MORNING = new Date('2018-11-22T11:30:00+02:00');
const ON_AT_1130 = ['50000000-0000-4000-8000-000000001808', '50000000-0000-4000-8000-000000001809'];

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

for (const locale of LOCALES) {
	test.describe(`timetable and event home in ${locale}`, () => {
		test.use({ locale: BROWSER_LOCALE[locale], timezoneId: 'Europe/Bucharest' });

		test('filters by day and format live in the URL and survive a reload', async ({ page }) => {
			await page.goto(`${EVENT}/programme`, { waitUntil: 'networkidle' });
			const filters = page.getByRole('search', { name: t(locale, 'timetable.filters.legend') });
			await filters.getByLabel(t(locale, 'timetable.filters.day')).selectOption({
				label: t(locale, 'programme.day', { number: 2 })
			});
			await filters.getByLabel(t(locale, 'timetable.filters.format')).selectOption({
				label: t(locale, 'programme.format.parallel')
			});
			await filters.getByRole('button', { name: t(locale, 'timetable.filters.apply') }).click();
			await expect(page).toHaveURL(/[?&]day=2(&|$)/);
			await expect(page).toHaveURL(/[?&]format=parallel(&|$)/);
			await expect(page.getByRole('status')).toHaveText(t(locale, 'timetable.filters.matching', { count: 4 }));
			await expect(page.getByRole('article')).toHaveCount(4);
			await expect(
				page.getByRole('heading', { level: 2, name: new RegExp(t(locale, 'programme.day', { number: 1 })) })
			).toHaveCount(0);

			await page.reload();
			await expect(page.getByRole('article')).toHaveCount(4);
			await expect(filters.getByLabel(t(locale, 'timetable.filters.day'))).toHaveValue('2');
			expect(await seriousViolations(page)).toEqual([]);

			await page.getByRole('link', { name: t(locale, 'timetable.filters.clear') }).click();
			await expect(page).toHaveURL(`${EVENT}/programme`);
			expect(await page.getByRole('article').count()).toBeGreaterThanOrEqual(17);
		});

		test('now and next follow the clock, in the event’s time zone', async ({ page }) => {
			await page.clock.install({ time: DAY_TWO_MORNING });
			await page.goto(`${EVENT}/programme`);
			const banner = page.getByTestId('now-next');
			await expect(banner).toContainText('11:30');
			await expect(banner.getByTestId('reader-clock')).toHaveCount(0);
			for (const id of ON_AT_1130) {
				await expect(banner.locator(`a[href$="${id}"]`)).toBeVisible();
			}
			await expect(banner).toContainText(t(locale, 'timetable.now.next', { time: '14:00', day: '', onOtherDay: 'no' }));
			await expect(
				page.getByRole('article').filter({ has: page.getByText(t(locale, 'timetable.marker.now'), { exact: true }) })
			).toHaveCount(2);
			await expect(
				page.getByRole('article').filter({ has: page.getByText(t(locale, 'timetable.marker.next'), { exact: true }) })
			).toHaveCount(2);
			expect(await seriousViolations(page)).toEqual([]);

			// Three hours later the afternoon sessions are on.
			await page.clock.fastForward('03:00:00');
			await expect(
				page.getByRole('article').filter({ has: page.getByText(t(locale, 'timetable.marker.now'), { exact: true }) })
			).toHaveCount(2);
			await expect(banner).toContainText('14:30');
			await expect(banner).toContainText(t(locale, 'timetable.now.next', { time: '16:00', day: '', onOtherDay: 'no' }));
		});

		test('the event home shows its days, themes and what is on', async ({ page }) => {
			await page.clock.install({ time: DAY_TWO_MORNING });
			await page.goto(EVENT);
			await expect(page.getByRole('heading', { level: 2, name: t(locale, 'timetable.home.days') })).toBeVisible();
			for (const day of [1, 2, 3]) {
				await expect(page.getByRole('link', { name: t(locale, 'programme.day', { number: day }) })).toBeVisible();
			}
			await expect(page.getByTestId('now-next')).toContainText('11:30');
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('link', { name: t(locale, 'programme.day', { number: 3 }) }).click();
			await expect(page).toHaveURL(`${EVENT}/programme?day=3`);
			await expect(
				page.getByRole('heading', { level: 2, name: new RegExp(t(locale, 'programme.day', { number: 3 })) })
			).toBeVisible();
		});
	});
}

test('a reader elsewhere sees the event’s clock and their own', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Almaty' });
	const page = await context.newPage();
	await page.clock.install({ time: DAY_TWO_MORNING });
	await page.goto(`${EVENT}/programme`);
	await expect(page.getByTestId('now-next')).toContainText(
		t('en', 'timetable.now.clock', { time: '11:30', timeZone: 'Eastern European Time' })
	);
	// Almaty was UTC+6 in 2018: four hours ahead of Bucharest in winter.
	await expect(page.getByTestId('reader-clock')).toHaveText(t('en', 'timetable.now.readerClock', { time: '15:30' }));
	await context.close();
});

test('filters work without JavaScript, by theme too', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ru-RU' });
	const page = await context.newPage();
	await page.goto(`${EVENT}/programme`);
	const theme = page.getByLabel(t('ru', 'timetable.filters.theme'));
	const options = await theme.locator('option').allTextContents();
	expect(options).toHaveLength(4);
	await theme.selectOption({ index: 3 });
	await page.getByRole('button', { name: t('ru', 'timetable.filters.apply') }).click();
	await expect(page).toHaveURL(/theme=/);
	await expect(
		page.getByRole('heading', { level: 2, name: new RegExp(t('ru', 'programme.day', { number: 3 })) })
	).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: new RegExp(t('ru', 'programme.day', { number: 1 })) })
	).toHaveCount(0);
	await expect(theme).toHaveValue(/.+/);
	await context.close();
});

test('parallel sessions sit side by side on a desk and stack on a phone', async ({ browser }) => {
	for (const [width, sideBySide] of [
		[390, false],
		[1280, true]
	] as const) {
		const context = await browser.newContext({
			viewport: { width, height: 900 },
			locale: 'ru-RU',
			timezoneId: 'Europe/Bucharest'
		});
		const page = await context.newPage();
		await page.clock.install({ time: DAY_TWO_MORNING });
		await page.goto(`${EVENT}/programme?day=2`);
		await expect(page.getByTestId('now-next')).toBeVisible();
		const [first, second] = await Promise.all(
			ON_AT_1130.map((id) => page.locator(`article:has(a[href$="${id}"])`).boundingBox())
		);
		expect(first && second, 'both parallel sessions are on the page').toBeTruthy();
		if (sideBySide) {
			expect(second!.y).toBeCloseTo(first!.y, 0);
			expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1);
		} else {
			expect(second!.x).toBeCloseTo(first!.x, 0);
			expect(second!.y).toBeGreaterThan(first!.y + first!.height - 1);
		}
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${SCREENSHOTS}/timetable-${width}.png`, fullPage: true });
		await page.goto(EVENT);
		await page.screenshot({ path: `${SCREENSHOTS}/home-${width}.png`, fullPage: true });
		await context.close();
	}
});

test('the whole programme’s .ics has every session once, with its instants', async ({ request }) => {
	const response = await request.get(`${EVENT}/programme/programme.ics`, { headers: { 'accept-language': 'ru-RU' } });
	expect(response.headers()['content-type']).toContain('text/calendar');
	const events = Object.values(ical.sync.parseICS(await response.text())).filter(
		(item) => item?.type === 'VEVENT'
	) as ical.VEvent[];
	expect(events.length).toBeGreaterThanOrEqual(17);
	expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
	const opening = events.find((event) => event.uid.startsWith(OPENING));
	expect(opening?.start.toISOString()).toBe('2018-11-21T07:00:00.000Z');
	expect(opening?.summary).toBe('Открытие конференции: зачем инвестировать в кадры социальных служб');
});
