// Venue Wi-Fi: a programme or session page visited once stays readable when the link drops;
// the page says so at once (no reload), and how old what it shows is; client-side navigation
// keeps working between visited pages, and a page never visited gets a clear page instead
// of the browser's error; forms that write wait for the connection and keep what was typed.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const EVENT = '/social-workforce-2018';
const OPENING = '50000000-0000-4000-8000-000000001801';
const ORGANISER = 'organiser@accord.test';
const DELEGATE = 'delegate.ge.1@accord.test';
const DELEGATE_NAME = 'Nino Beridze';
const SCREENS = process.env.SCREENSHOT_DIR;

test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/] });

/** The notice up to its time: "Offline — showing the page as of ". */
const noticeStart = (locale: Locale) => t(locale, 'connection.offline', { time: 'TIME' }).split('TIME')[0]!;
const offlineNotice = (page: Page, locale: Locale) => page.getByRole('status').filter({ hasText: noticeStart(locale) });

/** From here on the service worker sees every request of the page. */
async function underServiceWorker(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function photograph(page: Page, name: string): Promise<void> {
	if (!SCREENS) return;
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: false });
	}
}

test.describe('a reader (English)', () => {
	test.use({ locale: 'en-GB' });

	test('the link drops while the programme is open: the notice shows, visited pages still open, the rest says it is not saved', async ({
		page,
		context
	}) => {
		await page.goto(`${EVENT}/programme`);
		await underServiceWorker(page);
		// Loaded again under the worker, the page itself is kept (for a reload offline).
		await page.reload();
		const sessionLink = page.locator(`main a[href$="/programme/${OPENING}"]`).first();
		const backToProgramme = page
			.getByRole('navigation', { name: t('en', 'timetable.session.breadcrumb') })
			.getByRole('link')
			.first();
		// Visited by links, the session and the programme keep their data for later.
		await sessionLink.click();
		await expect(page).toHaveURL(new RegExp(`${OPENING}$`));
		await backToProgramme.click();
		await expect(page).toHaveURL(new RegExp(`${EVENT}/programme(#.*)?$`));
		await expect(offlineNotice(page, 'en')).toHaveCount(0);

		await context.setOffline(true);
		await expect(offlineNotice(page, 'en')).toBeVisible();
		await expect(offlineNotice(page, 'en')).toContainText(/\d\d:\d\d/);
		await expectAccessible(page);
		await photograph(page, 'programme-offline');

		// Client-side navigation between visited pages, offline.
		await sessionLink.click();
		await expect(page).toHaveURL(new RegExp(`${OPENING}$`));
		await expect(page.locator('article[data-status]')).toBeVisible();
		await expect(offlineNotice(page, 'en')).toBeVisible();
		await backToProgramme.click();
		await expect(page).toHaveURL(new RegExp(`${EVENT}/programme(#.*)?$`));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

		// The connection is back: the notice goes (and the page has fetched its data again).
		await context.setOffline(false);
		await expect(offlineNotice(page, 'en')).toHaveCount(0);

		// Offline again, a reload shows the kept copy, marked as such.
		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(offlineNotice(page, 'en')).toBeVisible();

		// A page never opened on this device, followed by a link: a clear page, not the
		// browser's error.
		await page
			.getByRole('navigation', { name: t('en', 'nav.main') })
			.getByRole('link', { name: t('en', 'nav.indicators') })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'connection.page.title'));
		await expect(page.getByRole('link', { name: t('en', 'connection.page.retry') })).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(t('en', 'connection.page.saved'));
		await expectAccessible(page);
		await photograph(page, 'not-saved');
		await context.setOffline(false);
	});
});

test.describe('an organiser (Romanian)', () => {
	test.use({ locale: 'ro-RO' });

	test('a form that writes needs a connection: submit disabled with the reason shown, what was typed kept', async ({
		page,
		context
	}) => {
		await signInAs(page, ORGANISER, 'ro');
		await page.goto(`${EVENT}/organise/sessions/new`);
		await underServiceWorker(page);
		const room = page.getByLabel(t('ro', 'sessions.form.room'));
		const create = page.getByRole('button', { name: t('ro', 'sessions.form.create') });
		const needsConnection = page.getByText(t('ro', 'connection.needsConnection'));
		await room.fill('Sala Ștefan cel Mare');
		await expect(needsConnection).toHaveCount(0);

		await context.setOffline(true);
		await expect(offlineNotice(page, 'ro')).toBeVisible();
		await expect(needsConnection).toBeVisible();
		await expect(create).toBeDisabled();
		await expect(room).toHaveValue('Sala Ștefan cel Mare');
		await expectAccessible(page);
		await photograph(page, 'form-offline');

		// Forms outside the shared parts are held back too: signing out offline does not
		// pretend to work, nor end on an error page.
		await page.getByRole('button', { name: t('ro', 'auth.signOut') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ro', 'sessions.newTitle'));
		await expect(page.getByRole('button', { name: t('ro', 'auth.signOut') })).toBeVisible();
		await expect(room).toHaveValue('Sala Ștefan cel Mare');

		await context.setOffline(false);
		await expect(offlineNotice(page, 'ro')).toHaveCount(0);
		await expect(needsConnection).toHaveCount(0);
		await expect(create).toBeEnabled();
		await expect(room).toHaveValue('Sala Ștefan cel Mare');
	});
});

test.describe('a delegate on a shared laptop (English)', () => {
	test.use({ locale: 'en-GB' });

	test('signing out forgets the saved pages: offline, the next person sees none of them', async ({ page, context }) => {
		await signInAs(page, DELEGATE, 'en', `${EVENT}/programme`);
		await underServiceWorker(page);
		await page.reload();
		const name = page.getByRole('button', { name: t('en', 'auth.signOut') });
		await expect(name).toBeVisible();

		await name.click();
		await expect(page.getByRole('link', { name: t('en', 'auth.signIn') })).toBeVisible();
		await context.setOffline(true);
		await page.goto(`${EVENT}/programme`).catch(() => undefined);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'connection.page.title'));
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);
		await expect(page.locator('body')).not.toContainText(DELEGATE_NAME);
		await context.setOffline(false);
	});
});
