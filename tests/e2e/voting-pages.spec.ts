// The voting pages (issue 13) in English, Romanian and Russian: no serious or critical axe
// violation on the ballot, the organiser's tally, the projector and the indicators, rounds
// and audit pages; screenshots at the widths people use them (phone ballot, laptop tally,
// plenary projector); refusals shown as translated messages on the ballot.
import { existsSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { BROWSER_LOCALE, LOCALES, expect, t, test, type Locale } from './fixtures';
import { personClient } from './clients';
import { signInAs } from './sign-in-as';
import { seriousViolations } from './axe';
import { openRound, SLUG } from './voting-helpers';

const ORGANISER = 'organiser@accord.test';
// a delegate no other spec signs in or switches the language of
const DELEGATE = 'delegate.ua.1@accord.test';

test.describe.configure({ mode: 'serial' });

/** Each person signs in once per run (Auth sends one link a minute per address). */
function sessionFile(email: string): string {
	return `test-results/.voting-pages-sessions/${email}.json`;
}

async function signedIn(
	browser: Browser,
	email: string,
	width: number,
	options: { javaScriptEnabled?: boolean } = {}
): Promise<Page> {
	const stored = existsSync(sessionFile(email));
	const context = await browser.newContext({
		locale: BROWSER_LOCALE.en,
		viewport: { width, height: 900 },
		storageState: stored ? sessionFile(email) : undefined,
		...options
	});
	const page = await context.newPage();
	if (!stored) {
		await signInAs(page, email);
		await context.storageState({ path: sessionFile(email) });
	}
	return page;
}

/** Switches the person's language the way the language menu does (their preference outranks the browser). */
async function useLanguage(page: Page, locale: Locale, baseURL: string): Promise<void> {
	const response = await page.request.post('/locale', {
		form: { locale, redirectTo: '/' },
		headers: { origin: baseURL }
	});
	expect(response.ok()).toBe(true);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
	await page.waitForLoadState('networkidle');
	await expect(page.locator('h1').first()).toBeVisible();
	expect(await seriousViolations(page), what).toEqual([]);
}

test('ballot, tally, projector, indicators, rounds and audit pass axe in every language', async ({
	browser,
	baseURL
}, testInfo) => {
	// three languages × six pages with axe; minutes on a busy shared machine
	test.setTimeout(300_000);
	const round = await openRound(await personClient(baseURL!, ORGANISER), { allowBlock: true, visibility: 'live' });
	const organiser = await signedIn(browser, ORGANISER, 1280);
	const delegate = await signedIn(browser, DELEGATE, 390);
	try {
		for (const locale of LOCALES) {
			await useLanguage(organiser, locale, baseURL!);
			await useLanguage(delegate, locale, baseURL!);

			await delegate.goto(`/${SLUG}/vote/${round.id}`);
			await expect(delegate.getByText(t(locale, 'voting.ballot.intro'))).toBeVisible();
			await expectAccessible(delegate, `ballot (${locale})`);
			// on a phone the ballot comes first, the live results after it
			const firstChoice = await delegate.getByRole('radio').first().boundingBox();
			const results = await delegate
				.getByRole('heading', { name: t(locale, 'voting.results.liveTitle') })
				.boundingBox();
			expect(firstChoice!.y, `ballot above results (${locale})`).toBeLessThan(results!.y);
			await delegate.screenshot({ path: testInfo.outputPath(`ballot-${locale}-390.png`), fullPage: true });

			await organiser.setViewportSize({ width: 1280, height: 900 });
			for (const page of ['indicators', 'rounds', 'audit', `rounds/${round.id}`]) {
				await organiser.goto(`/${SLUG}/organise/${page}`);
				await expectAccessible(organiser, `organise/${page} (${locale})`);
			}
			// the whole tally fits a laptop's width in every language (no column cut off)
			const tally = organiser.getByRole('region', { name: t(locale, 'voting.tally.caption') });
			expect(await tally.evaluate((region) => region.scrollWidth - region.clientWidth), `tally fits (${locale})`).toBe(
				0
			);
			await organiser.screenshot({ path: testInfo.outputPath(`tally-${locale}-1280.png`), fullPage: true });
			await organiser.setViewportSize({ width: 390, height: 900 });
			await organiser.screenshot({ path: testInfo.outputPath(`tally-${locale}-390.png`), fullPage: true });

			await organiser.setViewportSize({ width: 1920, height: 1080 });
			await organiser.goto(`/${SLUG}/organise/rounds/${round.id}/projector`);
			await expect(organiser.getByRole('img', { name: t(locale, 'voting.projector.qrLabel') })).toBeVisible();
			await expectAccessible(organiser, `projector (${locale})`);
			await organiser.screenshot({ path: testInfo.outputPath(`projector-${locale}-1920.png`) });
		}
	} finally {
		// the organiser's language is English for the other specs
		await useLanguage(organiser, 'en', baseURL!);
		await organiser.context().close();
		await delegate.context().close();
	}
});

test('a vote after close is refused with a translated message on the ballot', async ({ browser, baseURL }) => {
	const organiserApi = await personClient(baseURL!, ORGANISER);
	const round = await openRound(organiserApi);
	// without JavaScript, so the ballot cannot lock itself when the round closes
	await signedIn(browser, DELEGATE, 390);
	const delegate = await signedIn(browser, DELEGATE, 390, { javaScriptEnabled: false });
	try {
		await useLanguage(delegate, 'ro', baseURL!);
		await delegate.goto(`/${SLUG}/vote/${round.id}`);
		const row = delegate.locator('form[action="?/vote"]').first();
		await row.getByRole('radio', { name: t('ro', 'voting.choice.agree'), exact: true }).check();
		const closed = await organiserApi.rpc('close_round', { round_id: round.id });
		expect(closed.error).toBeNull();
		await row.getByRole('button').click();
		await expect(delegate.getByRole('alert').filter({ hasText: t('ro', 'error.data.roundNotOpen') })).toBeVisible();
	} finally {
		await delegate.context().close();
	}
});

test('a block without a reason is refused with a translated error, keeping the choice', async ({
	browser,
	baseURL
}) => {
	const round = await openRound(await personClient(baseURL!, ORGANISER), { allowBlock: true });
	const delegate = await signedIn(browser, DELEGATE, 390);
	try {
		await useLanguage(delegate, 'ru', baseURL!);
		await delegate.goto(`/${SLUG}/vote/${round.id}`);
		const row = delegate.locator('form[action="?/vote"]').first();
		const block = row.getByRole('radio', { name: t('ru', 'voting.choice.block'), exact: true });
		await block.check();
		const reason = row.getByLabel(t('ru', 'voting.ballot.reasonRequired'));
		await reason.fill('   ');
		await row.getByRole('button').click();
		await expect(row.getByRole('alert')).toHaveText(t('ru', 'voting.errors.reasonRequired'));
		await expect(block).toBeChecked();
		await expect(reason).toHaveAttribute('aria-invalid', 'true');
		// with a reason it goes through
		await reason.fill('Противоречит национальному законодательству');
		await row.getByRole('button').click();
		await expect(row.getByRole('status')).toHaveText(`✓ ${t('ru', 'voting.ballot.sent')}`);
		await expect(reason).toHaveValue('Противоречит национальному законодательству');
	} finally {
		await delegate.context().close();
	}
});
