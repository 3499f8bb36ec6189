// The recommendation board on the session page (issue #11), used the way people use it:
// a delegate and the session's rapporteur in their own browsers, each seeing the other's
// work arrive without a reload; sort and filter in the URL, without JavaScript too;
// merging duplicates; an organiser hiding an abusive item; refused input; axe and
// screenshots in English, Romanian and Russian.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { personClient } from './clients';
import { BROWSER_LOCALE, LOCALES, expect, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const SLUG = 'social-workforce-2018';
// Day 1, "Strategic planning and financing": rapporteur@accord.test is its rapporteur.
const SESSION_ID = '50000000-0000-4000-8000-000000001803';
const BOARD = `/${SLUG}/programme/${SESSION_ID}`;

const DELEGATE = 'delegate.ro.1@accord.test';
const OTHER_DELEGATE = 'delegate.md.2@accord.test';
const RAPPORTEUR = 'rapporteur@accord.test';
const ORGANISER = 'organiser@accord.test';

interface Person {
	context: BrowserContext;
	page: Page;
	/** Console errors and page errors, checked when the person leaves. */
	errors: string[];
}

const people: Person[] = [];

async function signedIn(
	browser: Browser,
	email: string,
	options: { locale?: Locale; width?: number; javaScriptEnabled?: boolean } = {}
): Promise<Person> {
	const locale = options.locale ?? 'en';
	const context = await browser.newContext({
		locale: BROWSER_LOCALE[locale],
		viewport: { width: options.width ?? 1280, height: 900 },
		javaScriptEnabled: options.javaScriptEnabled ?? true
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.text().startsWith('[svelte-i18n]')) errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	// Nothing typed into a recommendation may ever run.
	page.on('dialog', (dialog) => {
		errors.push(`dialog opened: ${dialog.message()}`);
		void dialog.dismiss();
	});
	await signInAs(page, email, locale);
	const person = { context, page, errors };
	people.push(person);
	return person;
}

test.afterEach(async () => {
	for (const person of people.splice(0)) {
		expect(person.errors, 'console errors in a browser of the test').toEqual([]);
		await person.context.close();
	}
});

/** Opens the board and waits until it listens, so what follows arrives live. */
async function openBoard(page: Page, locale: Locale = 'en', search = '') {
	await page.goto(`${BOARD}${search}`);
	await expect(page.getByRole('status').filter({ hasText: t(locale, 'recommendations.live.live') })).toBeVisible();
}

/** A recommendation on the board, by its text (each card is an article named by it). */
function card(page: Page, text: string) {
	return page.getByRole('article', { name: text });
}

async function addRecommendation(page: Page, text: string, locale: Locale = 'en') {
	await page.getByLabel(t(locale, 'recommendations.add.text'), { exact: true }).fill(text);
	await page.getByRole('button', { name: t(locale, 'recommendations.add.submit') }).click();
	await expect(card(page, text)).toBeVisible();
	await expect(page.getByLabel(t(locale, 'recommendations.add.text'), { exact: true })).toHaveValue('');
}

function unique(text: string): string {
	return `${text} (${Math.random().toString(36).slice(2, 8)})`;
}

test.describe.configure({ timeout: 120_000 });

test('a delegate’s recommendation and the rapporteur’s decision reach each other live', async ({ browser }) => {
	const delegate = await signedIn(browser, DELEGATE);
	const rapporteur = await signedIn(browser, RAPPORTEUR);
	await openBoard(delegate.page);
	await openBoard(rapporteur.page);

	const text = unique('Publish the costing of every workforce strategy.');
	// The language defaults to the page's.
	await expect(delegate.page.getByLabel(t('en', 'recommendations.add.language'))).toHaveValue('en');
	await addRecommendation(delegate.page, text);

	const seen = card(rapporteur.page, text);
	await expect(seen).toBeVisible();
	await expect(seen).toContainText(t('en', 'recommendations.status.proposed'));

	await seen.getByLabel(t('en', 'recommendations.curate.status')).selectOption('accepted');
	await seen.getByRole('button', { name: t('en', 'recommendations.curate.setStatus') }).click();
	await expect(card(delegate.page, text)).toContainText(t('en', 'recommendations.status.accepted'));
	// A delegate gets no curation controls.
	await expect(card(delegate.page, text).getByLabel(t('en', 'recommendations.curate.status'))).toHaveCount(0);

	// Endorsing toggles, and the count moves on the rapporteur's board too.
	const endorse = card(delegate.page, text).getByRole('button', { name: t('en', 'recommendations.endorse') });
	await expect(endorse).toHaveAttribute('aria-pressed', 'false');
	await endorse.click();
	await expect(endorse).toHaveAttribute('aria-pressed', 'true');
	await expect(seen).toContainText(t('en', 'recommendations.endorsements', { count: 1 }));
	await endorse.click();
	await expect(endorse).toHaveAttribute('aria-pressed', 'false');
	await expect(seen).toContainText(t('en', 'recommendations.endorsements', { count: 0 }));
});

test('sort and filter live in the URL and work without JavaScript', async ({ browser }) => {
	const { page } = await signedIn(browser, DELEGATE, { javaScriptEnabled: false });
	await page.goto(BOARD);
	// Seeded: "Cost the national workforce strategy…" (accepted, 4 endorsements, the most
	// of the session) was raised before "Posturile de asistent social comunitar…".
	const texts = page.getByRole('article').locator('p[lang]');
	const order = async () => {
		const all = await texts.allTextContents();
		return ['Posturile de asistent', 'Cost the national'].map((start) =>
			all.findIndex((text) => text.trim().startsWith(start))
		);
	};
	const [newer, older] = await order();
	expect(newer).toBeLessThan(older!);
	await page.getByLabel(t('en', 'recommendations.controls.sort')).selectOption('endorsed');
	await page.getByRole('button', { name: t('en', 'recommendations.controls.apply') }).click();
	await expect(page).toHaveURL(/sort=endorsed/);
	await expect(texts.first()).toContainText('Cost the national workforce strategy');

	await page.getByLabel(t('en', 'recommendations.controls.status')).selectOption('proposed');
	await page.getByRole('button', { name: t('en', 'recommendations.controls.apply') }).click();
	await expect(page).toHaveURL(/status=proposed/);
	await expect(page.getByRole('article')).not.toHaveCount(0);
	for (const article of await page.getByRole('article').all()) {
		await expect(article).toContainText(t('en', 'recommendations.status.proposed'));
	}
	await page.getByLabel(t('en', 'recommendations.controls.status')).selectOption('merged');
	await page.getByRole('button', { name: t('en', 'recommendations.controls.apply') }).click();
	await expect(page.getByText(t('en', 'recommendations.emptyFiltered'))).toBeVisible();

	// Adding and endorsing are plain form posts.
	await page.goto(BOARD);
	const text = unique('Fund community social work posts from the state budget.');
	await page.getByLabel(t('en', 'recommendations.add.text'), { exact: true }).fill(text);
	await page.getByRole('button', { name: t('en', 'recommendations.add.submit') }).click();
	await expect(card(page, text)).toBeVisible();
	await card(page, text)
		.getByRole('button', { name: t('en', 'recommendations.endorse') })
		.click();
	await expect(card(page, text)).toContainText(t('en', 'recommendations.endorsements', { count: 1 }));
});

test('the rapporteur merges a duplicate; its endorsements count towards the target', async ({ browser }) => {
	const delegate = await signedIn(browser, DELEGATE);
	const other = await signedIn(browser, OTHER_DELEGATE);
	const rapporteur = await signedIn(browser, RAPPORTEUR);
	await openBoard(delegate.page);
	const target = unique('Give every new social worker a mentor for the first year.');
	const duplicate = unique('New social workers need mentoring in their first year.');
	await addRecommendation(delegate.page, target);
	await addRecommendation(delegate.page, duplicate);
	await card(delegate.page, target)
		.getByRole('button', { name: t('en', 'recommendations.endorse') })
		.click();
	await openBoard(other.page);
	await card(other.page, duplicate)
		.getByRole('button', { name: t('en', 'recommendations.endorse') })
		.click();
	await expect(card(other.page, duplicate)).toContainText(t('en', 'recommendations.endorsements', { count: 1 }));

	await openBoard(rapporteur.page);
	const merging = card(rapporteur.page, duplicate);
	const setStatus = merging.getByRole('button', { name: t('en', 'recommendations.curate.setStatus') });
	// "Merged" is a status like the others; choosing it asks which recommendation this repeats.
	await expect(merging.getByLabel(t('en', 'recommendations.curate.mergeInto'))).toHaveCount(0);
	await merging.getByLabel(t('en', 'recommendations.curate.status')).selectOption('merged');
	// Nothing chosen: a clear message, nothing merged.
	await setStatus.click();
	await expect(merging).toContainText(t('en', 'recommendations.error.mergeTargetMissing'));
	await expect(card(other.page, duplicate)).toContainText(t('en', 'recommendations.status.proposed'));
	await merging.getByLabel(t('en', 'recommendations.curate.mergeInto')).selectOption({ label: target });
	await setStatus.click();
	await expect(merging).toContainText(t('en', 'recommendations.status.merged'));
	await expect(merging.getByRole('link', { name: t('en', 'recommendations.merged.seeTarget') })).toBeVisible();
	const merged = card(rapporteur.page, target);
	await expect(merged).toContainText(t('en', 'recommendations.merged.count', { count: 1 }));
	await expect(merged).toContainText(t('en', 'recommendations.endorsements', { count: 2 }));
	// The delegates see it too, without a reload, and cannot endorse the merged one.
	await expect(card(other.page, duplicate)).toContainText(t('en', 'recommendations.status.merged'));
	await expect(card(delegate.page, target)).toContainText(t('en', 'recommendations.endorsements', { count: 2 }));
	await expect(
		card(delegate.page, duplicate).getByRole('button', { name: t('en', 'recommendations.endorse') })
	).toHaveCount(0);
});

test('an organiser hides an abusive item with a reason: gone for others, kept in the audit log', async ({
	browser,
	baseURL
}) => {
	const delegate = await signedIn(browser, DELEGATE);
	const other = await signedIn(browser, OTHER_DELEGATE);
	const organiser = await signedIn(browser, ORGANISER);
	await openBoard(delegate.page);
	const text = unique('Everyone from that ministry is incompetent.');
	await addRecommendation(delegate.page, text);
	await openBoard(other.page);
	await expect(card(other.page, text)).toBeVisible();
	// Delegates are offered no way to hide.
	await expect(card(other.page, text).getByText(t('en', 'recommendations.hide.open'))).toHaveCount(0);

	await openBoard(organiser.page);
	const hiding = card(organiser.page, text);
	await hiding.getByText(t('en', 'recommendations.hide.open')).click();
	await hiding.getByRole('button', { name: t('en', 'recommendations.hide.submit') }).click();
	await expect(hiding.getByLabel(t('en', 'recommendations.hide.reason'))).toHaveAttribute('aria-invalid', 'true');
	await expect(hiding).toContainText(t('en', 'recommendations.error.hideReasonInvalid'));
	await hiding.getByLabel(t('en', 'recommendations.hide.reason')).fill('Personal attack on a delegation');
	await hiding.getByRole('button', { name: t('en', 'recommendations.hide.submit') }).click();

	await expect(card(other.page, text)).toHaveCount(0);
	await expect(card(delegate.page, text)).toHaveCount(0);
	await expect(card(organiser.page, text)).toHaveCount(0);
	const controls = organiser.page.getByRole('form', { name: t('en', 'recommendations.controls.label') });
	await controls.getByLabel(t('en', 'recommendations.controls.status')).selectOption('hidden');
	await controls.getByRole('button', { name: t('en', 'recommendations.controls.apply') }).click();
	await expect(organiser.page).toHaveURL(/status=hidden/);
	const hidden = card(organiser.page, text);
	await expect(hidden).toContainText('Personal attack on a delegation');
	await expect(hidden).toContainText(t('en', 'recommendations.hidden.badge'));
	const id = (await hidden.getAttribute('id'))!.replace('recommendation-', '');

	// The audit log keeps who hid it and why, read as the organiser through the API.
	const supabase = await personClient(baseURL!, ORGANISER);
	const { data: entries } = await supabase
		.from('audit_log')
		.select('action, actor, details')
		.eq('object_type', 'recommendations')
		.eq('object_id', id);
	const { data: who } = await supabase.auth.getUser();
	expect(entries).toEqual([
		{
			action: 'recommendations.hidden',
			actor: who.user?.id,
			details: expect.objectContaining({ reason: 'Personal attack on a delegation', text })
		}
	]);

	// Unhidden, it is back on everyone's board.
	await hidden.getByRole('button', { name: t('en', 'recommendations.hide.unhide') }).click();
	await expect(card(other.page, text)).toBeVisible();
});

test('refused input gets a clear message and keeps what was typed; markup stays text', async ({ browser }) => {
	const delegate = await signedIn(browser, DELEGATE, { locale: 'ro' });
	await openBoard(delegate.page, 'ro');
	const field = delegate.page.getByLabel(t('ro', 'recommendations.add.text'), { exact: true });
	const submit = delegate.page.getByRole('button', { name: t('ro', 'recommendations.add.submit') });

	await submit.click();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(delegate.page.getByText(t('ro', 'recommendations.error.textEmpty'))).toBeVisible();

	await field.fill('   \n  ');
	await submit.click();
	await expect(delegate.page.getByText(t('ro', 'recommendations.error.textEmpty'))).toBeVisible();

	const long = 'Formare continuă pentru supervizori. '.repeat(541).slice(0, 20_000);
	await field.fill(long);
	await submit.click();
	await expect(delegate.page.getByText(t('ro', 'recommendations.error.textTooLong', { limit: 4000 }))).toBeVisible();
	await expect(field).toHaveValue(long);
	await expect(field).toBeFocused();

	const markup = `<script>alert('x')</script><a href="javascript:alert('y')">click</a> <b>bold</b> ${unique('text')}`;
	await field.fill(markup);
	await submit.click();
	const shown = card(delegate.page, markup);
	await expect(shown).toBeVisible();
	await expect(shown.locator('p[lang]')).toHaveText(markup);
	await expect(shown.locator('script, b, a[href^="javascript"]')).toHaveCount(0);
});

test.describe('in English, Romanian and Russian', () => {
	for (const locale of LOCALES) {
		test(`has no serious accessibility violation and fits a phone and a desktop (${locale})`, async ({ browser }) => {
			const rapporteur = await signedIn(browser, RAPPORTEUR, { locale });
			await openBoard(rapporteur.page, locale);
			await expect(rapporteur.page.getByRole('heading', { name: t(locale, 'recommendations.title') })).toBeVisible();
			const results = await new AxeBuilder({ page: rapporteur.page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			const serious = results.violations
				.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
				.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
			expect(serious).toEqual([]);
			await rapporteur.page.screenshot({
				path: `test-results/recommendation-board-${locale}-1280.png`,
				fullPage: true
			});
			await rapporteur.page.setViewportSize({ width: 390, height: 844 });
			await rapporteur.page.screenshot({ path: `test-results/recommendation-board-${locale}-390.png`, fullPage: true });
			const overflow = await rapporteur.page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(0);
		});
	}
});
