// The Call to Action as several people have it open at once (DESIGN §5): who is here shows
// everyone on the document whatever language they are editing, and the side-by-side view
// follows the master text as others edit it, outdated flag included, without a reload.
import { SLUG, newDocument, paragraph, readBlocks, translated, writeBlocks } from '../support/call-to-action-scene.ts';
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { signInAs } from './sign-in-as';

const MASTER = [
	paragraph('l-invest', 'Invest in the social service workforce.'),
	paragraph('l-train', 'Train supervisors in every region.')
];
const ROMANIAN = ['Investiți în personalul din serviciile sociale.', 'Formați supervizori în fiecare regiune.'];

test('who is here lists everyone on the document with the language each is editing', async ({ browser, baseURL }) => {
	const id = await newDocument(baseURL!, 'Who is here');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await writeBlocks(baseURL!, id, 'ro', translated(MASTER, ROMANIAN));
	const english = await (await browser.newContext({ locale: BROWSER_LOCALE.en })).newPage();
	await signInAs(english, 'delegate.tj.1@accord.test');
	await english.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	const romanian = await (await browser.newContext({ locale: BROWSER_LOCALE.ro })).newPage();
	await signInAs(romanian, 'delegate.tj.2@accord.test', 'ro');
	await romanian.goto(`/${SLUG}/call-to-action/${id}?lang=ro`);

	const seenInEnglish = english.getByTestId('who-is-here');
	await expect(seenInEnglish).toContainText(
		t('en', 'cta.presence.person', { name: 'Shuhrat Nazarov', language: 'ro' })
	);
	await expect(seenInEnglish.getByText('SN', { exact: true })).toBeVisible();
	const seenInRomanian = romanian.getByTestId('who-is-here');
	await expect(seenInRomanian).toContainText(
		t('ro', 'cta.presence.person', { name: 'Farzona Rahimova', language: 'en' })
	);

	// Switching to Russian says so to the others; leaving the page takes the person off the list.
	await english
		.getByRole('navigation', { name: t('en', 'cta.languages') })
		.getByRole('link', { name: t('en', 'cta.languageName', { language: 'ru' }) })
		.click();
	await expect(seenInRomanian).toContainText(
		t('ro', 'cta.presence.person', { name: 'Farzona Rahimova', language: 'ru' })
	);
	await english.close();
	await expect(seenInRomanian).toHaveText(new RegExp(t('ro', 'cta.presence.alone')));
});

test('the side-by-side view follows the master text as it is edited, and flags the translation outdated', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Live side by side');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await writeBlocks(baseURL!, id, 'ro', translated(MASTER, ROMANIAN));

	const translator = await (await browser.newContext({ locale: BROWSER_LOCALE.ro })).newPage();
	await signInAs(translator, 'delegate.kz.1@accord.test', 'ro');
	await translator.goto(`/${SLUG}/call-to-action/${id}/translation?lang=ro`);
	const row = translator.locator('[data-testid="aligned-block"][data-block-id="l-train"]');
	await expect(row).toHaveAttribute('data-status', 'ok');

	const writer = await (await browser.newContext({ locale: BROWSER_LOCALE.en })).newPage();
	await signInAs(writer, 'delegate.uz.1@accord.test');
	await writer.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	const editor = writer.getByRole('textbox', { name: t('en', 'cta.editorLabel', { language: 'en' }) });
	await expect(editor).toBeVisible({ timeout: 20_000 });
	await editor.getByText('Train supervisors in every region.').click();
	await writer.keyboard.press('End');
	await writer.keyboard.press('ArrowLeft');
	await writer.keyboard.type(' and pay them fairly');
	await expect
		.poll(async () => (await readBlocks(baseURL!, id, 'en'))[1]?.text)
		.toBe('Train supervisors in every region and pay them fairly.');

	// No reload on the translator's side.
	await expect(row).toContainText('Train supervisors in every region and pay them fairly.');
	await expect(row).toHaveAttribute('data-status', 'outdated');
	await expect(row.locator('ins')).toContainText('pay them fairly');
	await expect(translator.getByTestId('drift-counts')).toContainText('1');
});
