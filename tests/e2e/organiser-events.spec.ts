// Events, people and members as organisers and delegates meet them: the organiser console,
// creating and publishing an event, settings and days, the profile, the members list.
import { seriousViolations } from './axe';
import { personClient } from './clients';
import type { Page } from '@playwright/test';
import { expect, t, test } from './fixtures';
import { signInReading } from './sign-in-as';

const SEED_EVENT = 'social-workforce-2018';
const ORGANISER = 'organiser@accord.test';
const DELEGATE = 'delegate.ge.1@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
// Outside test-results, which each run empties, so they can be looked at after a partial run.
const SCREENS = process.env.SCREENSHOT_DIR ?? '/tmp/accord-screens/organiser-events';

/** Screenshots at a phone's and a laptop's width, for a person to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('organiser console', () => {
	test('an organiser finds the console from the event and sees its overview', async ({ browser, page }) => {
		await signInReading(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/programme`);
		await page
			.getByRole('navigation', { name: t('en', 'nav.main') })
			.getByRole('link', { name: t('en', 'nav.organise') })
			.click();
		await expect(page).toHaveURL(`/${SEED_EVENT}/organise`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'organiser.overview.title'));
		const sections = page.getByRole('navigation', { name: t('en', 'organiser.console.sections') });
		await expect(sections.getByRole('link', { name: t('en', 'organiser.sections.overview') })).toHaveAttribute(
			'aria-current',
			'page'
		);
		await expect(page.getByRole('heading', { name: /\d+ members/ })).toBeVisible();
		await screenshots(page, 'organise-overview');
	});
});

test.describe('a delegate at the console', () => {
	// The browser reports the refused page's status as a console error.
	test.use({ allowedConsoleErrors: [/status of 40[34]/] });

	test('is not offered it and is refused it', async ({ browser, page }) => {
		await signInReading(browser, page, DELEGATE);
		await page.goto(`/${SEED_EVENT}/programme`);
		await expect(page.getByRole('link', { name: t('en', 'nav.organise') })).toHaveCount(0);
		const response = await page.goto(`/${SEED_EVENT}/organise`);
		expect(response?.status()).toBe(403);
		// The app's own error page, translated (not the static fallback).
		await expect(page.getByRole('heading', { level: 1, name: t('en', 'error.forbidden.title') })).toBeVisible();
		await expect(page.getByText(t('en', 'error.code', { status: 403 }))).toBeVisible();
	});
});

test.describe.serial('a new person starts an event in Romanian', () => {
	const email = `organizator.${Date.now()}@example.test`;
	const slug = `forum-${Date.now().toString(36)}`;
	const ro = (key: string, values: Record<string, string | number> = {}) => t('ro', key, values);
	const languageName = (language: string) => ro('events.form.languageName', { language });

	test('asks for a link, creates the event with a clear error for each bad input, adds a day and publishes it', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.context().addCookies([{ name: 'accord_locale', value: 'ro', url: BASE_URL }]);
		await page.goto('/');
		await page.getByRole('link', { name: ro('events.start.title') }).click();
		await page.getByLabel(ro('auth.email')).fill(email);
		await page.getByRole('button', { name: ro('events.start.submit') }).click();
		await expect(page.getByRole('status')).toContainText(email);
		await page.goto('/dev/outbox');
		await page
			.getByRole('listitem')
			.filter({ hasText: email })
			.first()
			.getByRole('link', { name: ro('outbox.openLink') })
			.click();
		await expect(page).toHaveURL(/\/events\/new$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ro('events.new.title'));
		expect(await seriousViolations(page)).toEqual([]);
		await screenshots(page, 'events-new');

		const title = page.getByRole('group', { name: ro('events.form.title') });
		// Bad input 1: the last day before the first; the title only in English, with HTML in it.
		await title.getByLabel(languageName('en'), { exact: true }).fill('<b>Forum</b> 2026');
		await page.getByLabel(ro('events.form.startsOn')).fill('2026-05-13');
		await page.getByLabel(ro('events.form.endsOn')).fill('2026-05-11');
		await page.getByLabel(ro('events.form.slug')).fill('social-workforce-2018');
		await page.getByRole('button', { name: ro('events.new.submit') }).click();
		await expect(page.getByText(ro('events.error.endsBeforeStarts'))).toBeVisible();
		await expect(title.getByLabel(languageName('en'), { exact: true })).toHaveValue('<b>Forum</b> 2026');

		// Bad input 2: the default language (Romanian) has no title.
		await page.getByLabel(ro('events.form.endsOn')).fill('2026-05-15');
		await page.getByRole('button', { name: ro('events.new.submit') }).click();
		await expect(page.getByText(ro('events.error.titleInDefault'))).toBeVisible();
		await expect(page.getByLabel(ro('events.form.startsOn'))).toHaveValue('2026-05-13');

		// Bad input 3: a web address another event has.
		await title.getByLabel(languageName('ro'), { exact: true }).fill('Forumul <em>național</em> 2026');
		await page.getByRole('button', { name: ro('events.new.submit') }).click();
		await expect(page.getByText(t('ro', 'error.data.slugTaken'))).toBeVisible();

		await page.getByLabel(ro('events.form.slug')).fill(slug);
		await page.getByLabel(ro('events.form.timeZone')).selectOption('Europe/Chisinau');
		await page.getByRole('button', { name: ro('events.new.submit') }).click();
		await expect(page).toHaveURL(new RegExp(`/${slug}/organise/settings\\?created$`));
		await expect(page.getByRole('status').filter({ hasText: ro('organiser.settings.created') })).toBeVisible();
		// The Russian title is missing: flagged, and publishing is refused with a reason.
		await expect(page.getByText(ro('organiser.settings.missingTitle'))).toBeVisible();
		await page.getByRole('button', { name: ro('organiser.settings.publish') }).click();
		await expect(page.getByText(t('ro', 'error.data.eventUntranslated'))).toBeVisible();

		// A day.
		const addDay = page.getByRole('form', { name: ro('organiser.settings.addDayTitle') });
		await addDay.getByLabel(ro('organiser.settings.dayDate')).fill('2026-05-16');
		await addDay.getByRole('button', { name: ro('organiser.settings.addDay') }).click();
		await expect(page.getByText(t('ro', 'error.data.dayOutsideEvent'))).toBeVisible();
		await addDay.getByLabel(ro('organiser.settings.dayDate')).fill('2026-05-14');
		await addDay.getByLabel(languageName('ro'), { exact: true }).fill('Planificarea');
		await addDay.getByRole('button', { name: ro('organiser.settings.addDay') }).click();
		await expect(page.getByRole('heading', { name: /^Ziua 1 · / })).toBeVisible();

		// The Russian title, then publish.
		const details = page.getByRole('form', { name: ro('organiser.settings.detailsTitle') });
		await details
			.getByRole('group', { name: ro('events.form.title') })
			.getByLabel(languageName('ru'), { exact: true })
			.fill('Национальный форум 2026');
		await details.getByRole('button', { name: ro('organiser.settings.save') }).click();
		await expect(page.getByRole('status').filter({ hasText: ro('organiser.settings.saved') })).toBeVisible();
		await page.getByRole('button', { name: ro('organiser.settings.publish') }).click();
		await expect(page.getByText(ro('organiser.status.explain.published'))).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		await screenshots(page, 'organise-settings');

		// Published: a visitor reads it, the HTML in its title as plain text.
		const visitor = await page.context().browser()!.newContext({ locale: 'ro-RO' });
		const visitorPage = await visitor.newPage();
		await visitorPage.goto(`/${slug}/programme`);
		await expect(visitorPage.getByTestId('event-name')).toHaveText('Forumul <em>național</em> 2026');
		await visitor.close();
	});

	test('keeps days inside the event when its dates change', async ({ browser, page }) => {
		await signInReading(browser, page, email, 'ro');
		await page.goto(`/${slug}/organise/settings`);
		const details = page.getByRole('form', { name: ro('organiser.settings.detailsTitle') });
		await details.getByLabel(ro('events.form.endsOn')).fill('2026-05-13');
		await details.getByRole('button', { name: ro('organiser.settings.save') }).click();
		await expect(page.getByText(t('ro', 'error.data.daysOutsideEvent'))).toBeVisible();
		await expect(details.getByLabel(ro('events.form.endsOn'))).toHaveValue('2026-05-13');
		await details.getByLabel(ro('events.form.endsOn')).fill('2026-05-14');
		await details
			.getByRole('group', { name: ro('events.form.venue') })
			.getByLabel(languageName('ro'), { exact: true })
			.fill('Chișinău');
		await details.getByRole('button', { name: ro('organiser.settings.save') }).click();
		await expect(page.getByRole('status').filter({ hasText: ro('organiser.settings.saved') })).toBeVisible();
	});

	test('the last organiser cannot step down or leave, with a clear message', async ({ browser, page }) => {
		await signInReading(browser, page, email, 'ro');
		await page.goto(`/${slug}/organise/members`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ro('organiser.members.title'));
		await page.getByLabel(ro('organiser.members.role')).last().selectOption('delegate');
		await page.getByRole('button', { name: ro('organiser.members.changeRole') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('ro', 'error.data.lastOrganiser'));
		page.once('dialog', (dialog) => void dialog.accept());
		await page.getByRole('button', { name: ro('organiser.members.remove') }).click();
		await expect(page.getByRole('alert')).toHaveText(t('ro', 'error.data.lastOrganiser'));
	});

	test('the profile language drives the whole UI, server-rendered', async ({ browser, page }) => {
		await signInReading(browser, page, email, 'ro');
		await page.goto('/profile');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(ro('profile.title'));
		await page.getByLabel(ro('profile.displayName')).fill('Ion <script>alert(1)</script> Rusu');
		await page.getByLabel(ro('profile.language')).selectOption('ru');
		await page.getByRole('button', { name: ro('profile.save') }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('ru', 'profile.title'));
		// Another device in English: the preference wins over the browser and the cookie.
		const other = await browser.newContext({ locale: 'en-GB' });
		const otherPage = await other.newPage();
		await signInReading(browser, otherPage, email, 'en');
		const response = await otherPage.goto('/events');
		expect(await response?.text()).toContain(t('ru', 'events.mine.title'));
		await expect(otherPage.locator('html')).toHaveAttribute('lang', 'ru');
		await other.close();
		await page.goto(`/${slug}/organise/members`);
		await expect(page.getByText('Ion <script>alert(1)</script> Rusu', { exact: true })).toBeVisible();
	});
});

test.describe('members of the seed event', () => {
	test('search, filters in the URL and a role change', async ({ browser, page }) => {
		await signInReading(browser, page, ORGANISER);
		await page.goto(`/${SEED_EVENT}/organise/members`);
		await page.getByLabel(t('en', 'organiser.members.country')).selectOption('GE');
		await page.getByLabel(t('en', 'organiser.members.role')).first().selectOption('delegate');
		await page.getByRole('button', { name: t('en', 'organiser.members.apply') }).click();
		await expect(page).toHaveURL(/country=GE/);
		await expect(page).toHaveURL(/role=delegate/);
		const rows = page.getByRole('list', { name: t('en', 'organiser.members.title') }).getByRole('listitem');
		await expect(rows).toHaveCount(2);
		await page.getByRole('searchbox').fill('beridze');
		await page.getByRole('button', { name: t('en', 'organiser.members.apply') }).click();
		await expect(rows).toHaveCount(1);
		await expect(rows.first()).toContainText('Nino Beridze');
		await screenshots(page, 'organise-members');
		await page.reload();
		await expect(rows).toHaveCount(1);

		// Change the role, then put it back (other tests read the seed).
		await rows.first().getByLabel(t('en', 'organiser.members.role')).selectOption('observer');
		await rows
			.first()
			.getByRole('button', { name: t('en', 'organiser.members.changeRole') })
			.click();
		await expect(page.getByRole('status').filter({ hasText: t('en', 'organiser.members.roleChanged') })).toBeVisible();
		await page.goto(`/${SEED_EVENT}/organise/members?q=beridze&role=observer`);
		await expect(rows).toHaveCount(1);
		await rows.first().getByLabel(t('en', 'organiser.members.role')).selectOption('delegate');
		await rows
			.first()
			.getByRole('button', { name: t('en', 'organiser.members.changeRole') })
			.click();
		await expect(page.getByRole('status').filter({ hasText: t('en', 'organiser.members.roleChanged') })).toBeVisible();
	});
});

test.describe('a delegate asking for organiser actions', () => {
	test.use({ allowedConsoleErrors: [/status of 40[34]/] });

	test('is refused by the form actions and by the database', async ({ browser, page, baseURL }) => {
		await signInReading(browser, page, DELEGATE);
		for (const [path, form] of [
			[`/${SEED_EVENT}/organise/members?/role`, { member: '00000000-0000-4000-8000-000000000000', role: 'organiser' }],
			[`/${SEED_EVENT}/organise/settings?/status`, { status: 'draft' }]
		] as const) {
			const response = await page.request.post(path, { form, headers: { origin: baseURL! } });
			expect(response.status(), path).toBe(403);
		}

		const supabase = await personClient(baseURL!, DELEGATE);
		const events = await supabase.from('events').update({ status: 'draft' }).eq('slug', SEED_EVENT).select('id');
		expect(events.data).toEqual([]);
		const roles = await supabase
			.from('members')
			.update({ role: 'organiser' })
			.eq('user_id', (await supabase.auth.getUser()).data.user!.id)
			.select('id');
		expect(roles.data).toEqual([]);
		const day = await supabase
			.from('event_days')
			.insert({ event_id: 'e0000000-0000-4000-8000-000000002018', day_index: 9, date: '2018-11-22' });
		expect(day.error?.code).toBe('42501');

		// Nor does the UI offer what the database refuses.
		await page.goto(`/${SEED_EVENT}/programme`);
		await expect(page.getByRole('link', { name: t('en', 'nav.organise') })).toHaveCount(0);
	});
});
