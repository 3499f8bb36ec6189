// Issue 13 end to end: an organiser opens a round; three delegates in English, Romanian
// and Russian vote and change their votes; the organiser's tally and the projector follow
// without a reload; closing locks every ballot, and the outcome shown is round_tally's.
import type { Page } from '@playwright/test';
import { expect, hydrated, t, test, type Locale } from './fixtures';
import { personClient } from './clients';
import { signInAs } from './sign-in-as';
import { DELEGATES, SLUG } from './voting-helpers';

test.use({ locale: 'en-GB' });

const ballotRow = (page: Page, index: number) => page.locator('form[action="?/vote"]').nth(index);

async function vote(page: Page, locale: Locale, index: number, choice: string) {
	const row = ballotRow(page, index);
	await row.getByRole('radio', { name: t(locale, `voting.choice.${choice}`), exact: true }).check();
	await row.getByRole('button').click();
	await expect(row.getByRole('status')).toHaveText(`✓ ${t(locale, 'voting.ballot.sent')}`);
	await expect(
		row.getByText(t(locale, 'voting.ballot.yourVote', { choice: t(locale, `voting.choice.${choice}`) }))
	).toBeVisible();
}

test('three delegates in three languages vote; tally and projector follow live; close locks ballots with round_tally’s outcome', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	// The organiser creates and opens a round in the console.
	await signInAs(page, 'organiser@accord.test', 'en');
	await page.goto(`/${SLUG}/organise/rounds`);
	await hydrated(page);
	await page.getByText(t('en', 'voting.rounds.create'), { exact: true }).click();
	const create = page.getByRole('form', { name: t('en', 'voting.rounds.create') });
	await create.getByLabel(t('en', 'voting.rounds.titleIn.en')).fill('Plenary vote on the framework');
	await create.getByLabel(t('en', 'voting.rounds.quorum')).fill('0');
	await create.getByLabel(t('en', 'voting.rounds.visibility')).selectOption('live');
	// two indicators on the ballot
	const boxes = create.getByRole('checkbox', { name: /^[A-Z]+\d/ });
	const count = await boxes.count();
	for (let index = 2; index < count; index++) await boxes.nth(index).uncheck();
	await create.getByRole('button', { name: t('en', 'voting.rounds.createSubmit') }).click();
	await expect(page).toHaveURL(/\/organise\/rounds\/[0-9a-f-]{36}$/);
	const roundId = page.url().split('/').at(-1)!;
	await page.getByRole('button', { name: t('en', 'voting.rounds.openNow') }).click();
	await expect(page.getByText(t('en', 'voting.status.open'), { exact: true })).toBeVisible();

	const projector = await page.context().newPage();
	await projector.goto(`/${SLUG}/organise/rounds/${roundId}/projector`);
	await expect(projector.getByRole('img', { name: t('en', 'voting.projector.qrLabel') })).toBeVisible();

	// Three delegates, each in their own language, open the ballot.
	const delegates = {} as Record<Locale, Page>;
	for (const locale of ['en', 'ro', 'ru'] as const) {
		const context = await browser.newContext({ locale: { en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU' }[locale] });
		const delegate = await context.newPage();
		await signInAs(delegate, DELEGATES[locale], locale);
		await delegate.goto(`/${SLUG}/vote/${roundId}`);
		await expect(delegate.getByText(t(locale, 'voting.ballot.intro'))).toBeVisible();
		delegates[locale] = delegate;
	}

	await vote(delegates.en, 'en', 0, 'agree');
	await vote(delegates.ro, 'ro', 0, 'agree');
	await vote(delegates.ru, 'ru', 0, 'disagree');
	await vote(delegates.en, 'en', 1, 'abstain');

	const tallyRow = (screen: Page, index: number) => screen.locator('[data-indicator]').nth(index);
	await expect(tallyRow(page, 0).locator('[data-choice="agree"]')).toHaveText('2');
	await expect(tallyRow(page, 0).locator('[data-choice="disagree"]')).toHaveText('1');
	await expect(tallyRow(projector, 0).locator('[data-choice="agree"]')).toHaveText('2');

	// They change their minds; screens follow without a reload.
	await vote(delegates.ru, 'ru', 0, 'agree');
	await vote(delegates.ro, 'ro', 0, 'reservations');
	await vote(delegates.en, 'en', 1, 'disagree');
	for (const screen of [page, projector]) {
		await expect(tallyRow(screen, 0).locator('[data-choice="agree"]')).toHaveText('2');
		await expect(tallyRow(screen, 0).locator('[data-choice="reservations"]')).toHaveText('1');
		await expect(tallyRow(screen, 0).locator('[data-choice="disagree"]')).toHaveText('0');
		await expect(tallyRow(screen, 1).locator('[data-choice="disagree"]')).toHaveText('1');
		await expect(tallyRow(screen, 1).locator('[data-choice="abstain"]')).toHaveText('0');
	}

	// Closing locks every open ballot, without a reload.
	await page.getByRole('button', { name: t('en', 'voting.rounds.closeNow') }).click();
	for (const locale of ['en', 'ro', 'ru'] as const) {
		const delegate = delegates[locale];
		await expect(delegate.getByText(t(locale, 'voting.ballot.closed'))).toBeVisible();
		await expect(ballotRow(delegate, 0).getByRole('radio').first()).toBeDisabled();
		await expect(ballotRow(delegate, 0).getByRole('button')).toHaveCount(0);
	}

	// The outcome on the organiser's page and the projector is round_tally's.
	const organiser = await personClient(baseURL!, 'organiser@accord.test');
	const { data: tally, error } = await organiser.rpc('round_tally', { round_id: roundId });
	if (error) throw error;
	expect(tally).toHaveLength(2);
	for (const [index, row] of (tally as { code: string; outcome: string; agree: number }[]).entries()) {
		for (const screen of [page, projector]) {
			await expect(tallyRow(screen, index)).toHaveAttribute('data-indicator', row.code);
			await expect(tallyRow(screen, index)).toHaveAttribute('data-outcome', row.outcome);
		}
	}
	expect((tally as { outcome: string }[])[0]!.outcome).toBe('consensus_with_reservations');
	await expect(
		tallyRow(page, 0).getByText(t('en', 'voting.outcome.consensus_with_reservations'), { exact: true })
	).toBeVisible();
	await expect(
		tallyRow(delegates.ru, 0).getByText(t('ru', 'voting.outcome.consensus_with_reservations'), { exact: true })
	).toBeVisible();
});
