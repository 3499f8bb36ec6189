// Named versions, their comparison and the exports of the Call to Action, checked on
// content: the DOCX read back with mammoth, the PDF's text extracted with pdf-parse
// (Romanian ș ț and Cyrillic included); and the pages checked with axe in en/ro/ru.
import AxeBuilder from '@axe-core/playwright';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import {
	EVENT_ID,
	SLUG,
	admin,
	newDocument,
	paragraph,
	translated,
	writeBlocks
} from '../support/call-to-action-scene.ts';
import { expect, hydrated, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const MASTER = [
	{ type: 'heading', attrs: { id: 'v-head', level: 2 }, content: [{ type: 'text', text: 'Commitments' }] },
	paragraph('v-invest', 'Invest in the social service workforce.'),
	{
		type: 'orderedList',
		attrs: { id: 'v-list', start: 1 },
		content: [
			{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Train supervisors.' }] }] },
			{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fund the training.' }] }] }
		]
	}
];
const RO = [
	'Angajamente',
	'Investiți în personalul din serviciile sociale, în țară.',
	'Formați supervizori.\nFinanțați formarea.'
];
const RU = ['Обязательства', 'Инвестировать в кадры социальных служб.', 'Обучать руководителей.'];

test('an organiser saves a version; the comparison with the live text marks inserted and deleted words', async ({
	page,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Versions');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await signInAs(page, 'organiser@accord.test');
	await page.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	// Hydration puts a plain input back to its rendered value: type once the page's code is in.
	await hydrated(page);
	await page.getByLabel(t('en', 'cta.version.name')).fill('End of Day 2');
	await page.getByRole('button', { name: t('en', 'cta.version.save') }).click();
	await expect(page.getByText(t('en', 'cta.version.saved'))).toBeVisible();

	await writeBlocks(baseURL!, id, 'en', [
		MASTER[0]!,
		paragraph('v-invest', 'Invest more in the social service workforce.'),
		paragraph('v-new', 'Report every year.')
	]);
	await page.goto(`/${SLUG}/call-to-action/${id}/versions?lang=en`);
	const changed = page.locator('[data-testid="compared-block"][data-change="changed"]');
	await expect(changed.locator('ins')).toHaveText(/more/);
	await expect(page.locator('[data-testid="compared-block"][data-change="added"]')).toContainText('Report every year.');
	await expect(page.locator('[data-testid="compared-block"][data-change="removed"]')).toContainText(
		'Train supervisors.'
	);
	await expect(page.getByTestId('version-summary')).toHaveText(
		t('en', 'cta.versionsPage.summary', { changed: 1, added: 1, removed: 1 })
	);
});

test('exports keep headings, numbering, diacritics and Cyrillic', async ({ page, baseURL }) => {
	const id = await newDocument(baseURL!, 'Exports');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	const ro = translated(MASTER.slice(0, 2), RO.slice(0, 2));
	await writeBlocks(baseURL!, id, 'ro', ro);
	await writeBlocks(baseURL!, id, 'ru', translated(MASTER.slice(0, 2), RU.slice(0, 2)));
	await signInAs(page, 'delegate.bg.1@accord.test');
	const base = `/${SLUG}/call-to-action/${id}/export`;

	const docx = await page.request.get(`${base}?format=docx&lang=ro`);
	expect(docx.headers()['content-type']).toContain('wordprocessingml');
	const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await docx.body()) })).value;
	expect(html).toContain('<p>Angajamente</p>');
	expect(html).toContain('Investiți în personalul din serviciile sociale, în țară.');

	const enDocx = (
		await mammoth.convertToHtml({
			buffer: Buffer.from(await (await page.request.get(`${base}?format=docx&lang=en`)).body())
		})
	).value;
	expect(enDocx).toContain('<h2>Commitments</h2>');
	expect(enDocx).toContain('<ol><li>Train supervisors.</li><li>Fund the training.</li></ol>');

	const pdf = await page.request.get(`${base}?format=pdf&lang=all`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
	const text = (await parser.getText()).text;
	await parser.destroy();
	expect(text).toContain('în țară');
	expect(text).toContain('Инвестировать в кадры');
	expect(text).toContain('социальных служб.');
	expect(text).toContain('1. Train supervisors.');
	expect(text).toMatch(/Live text as of|Textul actual la/);

	const markdown = await (await page.request.get(`${base}?format=md&lang=en`)).text();
	expect(markdown).toContain('## Commitments');
	expect(markdown).toContain('1. Train supervisors.\n2. Fund the training.');
});

for (const locale of ['en', 'ro', 'ru'] as Locale[]) {
	test(`draft, side-by-side and version pages have no serious accessibility violation (${locale})`, async ({
		browser,
		baseURL
	}, testInfo) => {
		const id = await newDocument(baseURL!, `Axe ${locale}`);
		await writeBlocks(baseURL!, id, 'en', MASTER);
		await writeBlocks(baseURL!, id, 'ro', translated(MASTER.slice(0, 1), RO.slice(0, 1)));
		// A recommendation taken into a paragraph: the draft page shows where it came from.
		const db = await admin(baseURL!);
		const { data: session } = await db.from('sessions').select('id').eq('event_id', EVENT_ID).limit(1).single();
		const { data: author } = await db
			.from('members')
			.select('id')
			.eq('event_id', EVENT_ID)
			.eq('role', 'delegate')
			.limit(1)
			.single();
		const { error } = await db.from('recommendations').insert({
			session_id: session!.id,
			author_id: author!.id,
			text: 'Pay supervisors fairly.',
			language: 'en',
			status: 'merged',
			document_id: id,
			merged_block_id: 'v-invest'
		});
		if (error) throw error;
		const context = await browser.newContext({ locale: { en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU' }[locale] });
		const page = await context.newPage();
		await signInAs(
			page,
			{ en: 'delegate.bg.2@accord.test', ro: 'delegate.hr.1@accord.test', ru: 'delegate.hr.2@accord.test' }[locale],
			locale
		);
		for (const path of ['', '/translation?lang=ro', '/versions']) {
			for (const width of [390, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`/${SLUG}/call-to-action/${id}${path}`);
				if (path === '') {
					await expect(page.getByTestId('live-editor')).toBeVisible({ timeout: 20_000 });
					await expect(page.getByTestId('provenance')).toContainText('Pay supervisors fairly.');
				}
				await page.screenshot({
					path: testInfo.outputPath(`cta${path.replace(/[/?=]/g, '-')}-${locale}-${width}.png`),
					fullPage: true
				});
			}
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		}
		await context.close();
	});
}
