// Pasting into the Call to Action draft as people do it: a passage copied from Word or a web
// page (styles, images, tables, scripts) arrives as clean text of the allowed kinds, and a
// paste over the draft's 5 MB limit is refused with a translated message while the page
// stays usable. The paste is a real ClipboardEvent carrying a DataTransfer, dispatched on
// the editor (headless Chromium's clipboard permissions are unreliable).
import type { Locator, Page } from '@playwright/test';
import { SLUG, newDocument, paragraph, writeBlocks } from '../support/call-to-action-scene.ts';
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { signInAs } from './sign-in-as';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{margin:0;font-family:Calibri}</style>
<script>window.__pasted = true</script></head><body>
<!--StartFragment--><p class=MsoNormal style="color:red;font-size:14pt"><b>Governments commit</b> to fund
<span style="mso-bidi-font-weight:bold">social workers</span>.<o:p></o:p></p>
<p><img src="https://example.org/logo.png" alt="Logo"><img src="data:image/png;base64,iVBORw0KGgo="></p>
<table border=1><tr><td>Cell one text</td><td>Cell two text</td></tr></table>
<script>alert(1)</script><iframe src="https://example.org"></iframe>
<p onclick="alert(2)"><a href="javascript:alert(3)">Dangerous link</a> and <a href="https://example.org/report">the report</a></p>
<!--EndFragment--></body></html>`;

async function paste(editor: Locator, html: string, text: string): Promise<void> {
	await editor.evaluate(
		(element, { html, text }) => {
			const data = new DataTransfer();
			data.setData('text/html', html);
			data.setData('text/plain', text);
			element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		},
		{ html, text }
	);
}

async function openDraft(
	page: Page,
	baseURL: string,
	email: string,
	locale: 'en' | 'ro' | 'ru',
	title: string
): Promise<Locator> {
	const id = await newDocument(baseURL, title);
	await writeBlocks(baseURL, id, 'en', [paragraph('b-start', 'Start of the text.')]);
	await signInAs(page, email, locale);
	await page.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	const editor = page.getByRole('textbox', { name: t(locale, 'cta.editorLabel', { language: 'en' }) });
	await expect(editor).toBeVisible({ timeout: 20_000 });
	await editor.getByText('Start of the text.').click();
	await page.keyboard.press('End');
	return editor;
}

test('Word and web HTML pasted into the draft keeps its text and drops images, tables, scripts and styles', async ({
	page,
	baseURL
}) => {
	const editor = await openDraft(page, baseURL!, 'delegate.tm.1@accord.test', 'en', 'Paste from Word');
	await paste(editor, WORD_HTML, 'Governments commit to fund social workers.');

	await expect(editor).toContainText('Governments commit to fund social workers.');
	await expect(editor).toContainText('Cell one text');
	await expect(editor).toContainText('the report');
	await expect(editor.locator('strong', { hasText: 'Governments commit' })).toBeVisible();
	for (const selector of [
		'img',
		'table',
		'td',
		'script',
		'style',
		'iframe',
		'meta',
		'[style]',
		'[onclick]',
		'[class*="Mso"]'
	]) {
		await expect(editor.locator(selector)).toHaveCount(0);
	}
	await expect(editor.locator('a[href^="javascript:"]')).toHaveCount(0);
	await expect(editor.locator('a[href="https://example.org/report"]')).toHaveText('the report');
	expect(await page.evaluate(() => (window as { __pasted?: boolean }).__pasted)).toBeUndefined();
	await expect(editor).not.toContainText('mso-');
	await expect(editor).not.toContainText('alert(');
});

test('a paste over 5 MB is refused with a translated message and the editor stays usable', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ locale: BROWSER_LOCALE.ro });
	const page = await context.newPage();
	const editor = await openDraft(page, baseURL!, 'delegate.tj.1@accord.test', 'ro', 'Paste too large');

	// Under the limit (1.5 MB, over the 1 MB default of other editors) goes in.
	const belowLimit = 'Paragraf lung. '.repeat(100_000);
	await paste(editor, '', belowLimit);
	await expect(editor).toContainText('Paragraf lung. Paragraf lung.', { timeout: 20_000 });
	await expect(page.getByRole('alert').filter({ hasText: 'MB' })).toHaveCount(0);

	const huge = 'x'.repeat(6_000_000);
	await paste(editor, `<p>${huge}</p>`, huge);
	await expect(page.getByRole('alert')).toContainText(t('ro', 'editor.pasteTooLarge', { size: 6, limit: 5 }));
	await expect(editor).not.toContainText('xxxxxxxxxx');

	// The tab still answers: typing at the end of the text lands in it.
	await editor.press('ControlOrMeta+End');
	await page.keyboard.type(' Încă un cuvânt.');
	await expect(editor).toContainText('Paragraf lung. Încă un cuvânt.');
	await context.close();
});
