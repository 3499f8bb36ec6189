// Venue Wi-Fi: a programme or session page visited once stays readable when the link drops.
import { expect, t, test } from './fixtures';

const EVENT = '/social-workforce-2018';
const OPENING = '50000000-0000-4000-8000-000000001801';

test.use({ locale: 'ro-RO', allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/] });

test('the programme and a session page stay readable offline, marked as a saved copy', async ({ page, context }) => {
	for (const path of [`${EVENT}/programme`, `${EVENT}/programme/${OPENING}`]) {
		await page.goto(path, { waitUntil: 'networkidle' });
		await page.evaluate(() => navigator.serviceWorker.ready);
		// A second visit once the worker controls the page stores the copy.
		await page.reload({ waitUntil: 'networkidle' });
		await expect(page.getByRole('status').filter({ hasText: /\d\d:\d\d/ })).toHaveCount(0);

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const notice = t('ro', 'timetable.offline', { time: 'TIME' }).split('TIME')[0]!;
		await expect(page.getByText(notice)).toBeVisible();
		await context.setOffline(false);
	}
});
