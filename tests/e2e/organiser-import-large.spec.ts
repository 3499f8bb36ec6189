// A 10,000-row delegate list through the browser: the preview checks every row, then the
// import writes them in one transaction and reports what it did. Into an event of its own,
// so the seed event's members list and badge sheet stay the size the other specs expect.
// No timing is asserted; the generous timeouts only let PGlite on a busy machine finish.
import { expect, t, test } from './fixtures';
import { personClient } from './clients';
import { signInAs } from './sign-in-as';

const ORGANISER = 'organiser@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const ROWS = 10_000;
const RUN = Date.now().toString(36);

function delegateList(): string {
	const lines = ['name,email,country,organisation,sector,role,language'];
	for (let i = 0; i < ROWS; i++) {
		lines.push(`Delegate ${i},delegate.${i}.${RUN}@example.org,MD,"Ministry, department ${i % 40}",health,delegate,ro`);
	}
	return lines.join('\n') + '\n';
}

test('an organiser previews and imports a list of 10,000 delegates', async ({ page }) => {
	test.setTimeout(420_000);
	const organiserApi = await personClient(BASE_URL, ORGANISER);
	const { data: user } = await organiserApi.auth.getUser();
	const slug = `large-import-${RUN}`;
	const created = await organiserApi
		.from('events')
		.insert({
			slug,
			title: { en: `Large import ${RUN}` },
			starts_on: '2027-03-01',
			ends_on: '2027-03-02',
			languages: ['en', 'ro', 'ru'],
			default_language: 'en',
			created_by: user.user!.id
		})
		.select('id')
		.single();
	expect(created.error).toBeNull();

	await signInAs(page, ORGANISER);
	await page.goto(`/${slug}/organise/import`);
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
	await page.getByLabel(t('en', 'peopleImport.fileLabel')).setInputFiles({
		name: 'delegates.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(delegateList(), 'utf8')
	});
	await page.getByRole('button', { name: t('en', 'peopleImport.previewButton') }).click();
	await expect(
		page.getByText(t('en', 'peopleImport.previewCounts', { rows: ROWS, created: ROWS, existing: 0 }))
	).toBeVisible({
		timeout: 60_000
	});

	await page.getByRole('button', { name: t('en', 'peopleImport.importButton', { count: ROWS }) }).click();
	const done = page.getByRole('status').filter({ hasText: t('en', 'peopleImport.doneTitle') });
	await expect(done).toContainText(t('en', 'peopleImport.doneCounts', { created: ROWS, updated: 0, unchanged: 0 }), {
		timeout: 300_000
	});
});
