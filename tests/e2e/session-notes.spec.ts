// Issue 11: live session notes. Two rapporteurs write together and see each other; a
// delegate reads live and cannot type; a rapporteur who loses the connection keeps typing,
// reloads, and nothing is lost; the published summary and the exports carry the notes,
// inert whatever was typed or pasted.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { BROWSER_LOCALE, expect, LOCALES, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const EVENT = 'social-workforce-2018';
// Closing plenary (23 Nov, scheduled): co-rapporteurs Mihaela Stan and Natalia Cojocaru.
const SESSION = '50000000-0000-4000-8000-000000001817';
const SESSION_PAGE = `/${EVENT}/programme/${SESSION}`;
const RAPPORTEUR = 'rapporteur@accord.test';
const CO_RAPPORTEUR = 'rapporteur2@accord.test';
const DELEGATE = 'delegate.am.1@accord.test';

interface Person {
	context: BrowserContext;
	page: Page;
	errors: string[];
}

async function person(browser: Browser, email: string | null, locale: Locale = 'en'): Promise<Person> {
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale] });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.text().startsWith('[svelte-i18n]')) errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	if (email) await signInAs(page, email, locale);
	return { context, page, errors };
}

const notesBox = (page: Page, locale: Locale = 'en') =>
	page.getByRole('textbox', { name: t(locale, 'notes.editorLabel') });
const indicator = (page: Page) => page.locator('[role="status"][data-state]');

async function typeAtEnd(page: Page, text: string): Promise<void> {
	await notesBox(page).click();
	await page.keyboard.press('Control+End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(text, { delay: 15 });
}

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('two rapporteurs write together and see each other; a delegate reads live and cannot type', async ({
	browser
}) => {
	// One after another: the demo outbox lists the latest links first.
	const mihaela = await person(browser, RAPPORTEUR);
	const natalia = await person(browser, CO_RAPPORTEUR);
	const delegate = await person(browser, DELEGATE);
	await Promise.all([mihaela, natalia, delegate].map(({ page }) => page.goto(SESSION_PAGE)));

	// The template, written once by the server, in the session's language (English).
	for (const { page } of [mihaela, natalia]) {
		await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
		await expect(notesBox(page).getByRole('heading', { name: t('en', 'notes.template.keyPoints') })).toHaveCount(1);
		await expect(notesBox(page).getByRole('heading', { name: t('en', 'notes.template.recommendations') })).toHaveCount(
			1
		);
		await expect(notesBox(page)).toContainText(`${t('en', 'notes.template.chair')}: Ioana Dumitrescu`);
		await expect(page.getByRole('toolbar', { name: t('en', 'editor.toolbar') })).toBeVisible();
	}

	// Both type at the same time, each in a section of the template.
	const typeInItem = async (page: Page, index: number, text: string) => {
		await notesBox(page).getByRole('listitem').nth(index).click();
		await page.keyboard.press('End');
		await page.keyboard.type(text, { delay: 15 });
	};
	await Promise.all([
		typeInItem(mihaela.page, 0, 'Mihaela: supervision must be funded.'),
		typeInItem(natalia.page, 1, 'Natalia: training for case managers.')
	]);
	for (const { page } of [mihaela, natalia, delegate]) {
		await expect(notesBox(page)).toContainText('Mihaela: supervision must be funded.');
		await expect(notesBox(page)).toContainText('Natalia: training for case managers.');
	}
	// Each sees the other's caret, labelled with the name the server verified.
	await expect(mihaela.page.locator('.collaboration-carets__label', { hasText: 'Natalia Cojocaru' })).toBeVisible();
	await expect(natalia.page.locator('.collaboration-carets__label', { hasText: 'Mihaela Stan' })).toBeVisible();
	await expect(indicator(mihaela.page)).toHaveAttribute('data-state', 'saved');

	// The delegate: no toolbar, labelled read-only, and typing changes nothing.
	await expect(delegate.page.getByRole('toolbar')).toHaveCount(0);
	await expect(delegate.page.getByText(t('en', 'editor.readOnly'), { exact: true }).first()).toBeVisible();
	await expect(notesBox(delegate.page)).toHaveAttribute('contenteditable', 'false');
	await notesBox(delegate.page).click();
	await delegate.page.keyboard.type('DELEGATE WAS HERE');
	await mihaela.page.keyboard.type(' Live.');
	await expect(notesBox(delegate.page)).toContainText('supervision must be funded. Live.');
	await expect(notesBox(delegate.page)).not.toContainText('DELEGATE WAS HERE');
	await expect(notesBox(mihaela.page)).not.toContainText('DELEGATE WAS HERE');

	for (const { context, errors } of [mihaela, natalia, delegate]) {
		expect(errors).toEqual([]);
		await context.close();
	}
});

test('offline: typing continues, survives a reload, and reaches the others and the database', async ({ browser }) => {
	const mihaela = await person(browser, RAPPORTEUR);
	const natalia = await person(browser, CO_RAPPORTEUR);
	const { page, context } = mihaela;
	await natalia.page.goto(SESSION_PAGE);
	// Opened once before with the service worker in charge (any earlier visit): the worker
	// keeps the page, its scripts, the editor's chunk and its messages for venue Wi-Fi.
	await page.goto(SESSION_PAGE);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.reload();
	await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });

	await context.setOffline(true);
	await expect(indicator(page)).toHaveAttribute('data-state', 'offline');
	await typeAtEnd(page, 'Written on venue Wi-Fi while it was down.');
	await expect(indicator(page)).toHaveAttribute('data-state', 'offlinePending');

	// Reloaded while offline: the page comes from the worker, the words from this device.
	// Unsent changes: the browser asks before the page goes.
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.type());
		void dialog.accept();
	});
	await page.reload();
	expect(dialogs).toEqual(['beforeunload']);
	await expect(notesBox(page)).toContainText('Written on venue Wi-Fi while it was down.');
	await expect(indicator(page)).toHaveAttribute('data-state', 'offlinePending');
	const waiting = t('en', 'editor.status.offlinePending', { count: 999 }).split('999')[1]!;
	await expect(indicator(page)).toContainText(new RegExp(`\\d+${waiting.slice(0, 20)}`));
	await expect(notesBox(natalia.page)).not.toContainText('Written on venue Wi-Fi while it was down.');

	// Back online: merged, delivered, stored.
	await context.setOffline(false);
	await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
	await expect(notesBox(natalia.page)).toContainText('Written on venue Wi-Fi while it was down.');
	const fresh = await person(browser, DELEGATE);
	await fresh.page.goto(SESSION_PAGE);
	await expect(notesBox(fresh.page)).toContainText('Written on venue Wi-Fi while it was down.');
	const report = await fresh.page.request.get(`${SESSION_PAGE}/report.md`);
	expect(report.status()).toBe(200);
	expect(await report.text()).toContain('while it was down');

	// Offline, the browser reports the sockets it could not open; nothing else went wrong.
	const unexpected = mihaela.errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error));
	expect(unexpected).toEqual([]);
	expect([...natalia.errors, ...fresh.errors]).toEqual([]);
	for (const { context } of [mihaela, natalia, fresh]) await context.close();
});

// Thematic session (24 Nov, scheduled) whose only rapporteur is Mihaela Stan.
const PUBLISH_SESSION = '50000000-0000-4000-8000-000000001814';
const PUBLISH_PAGE = `/${EVENT}/programme/${PUBLISH_SESSION}`;

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body><!--StartFragment--><p class=MsoNormal><b>Pasted from Word<o:p></o:p></b></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Invest in supervision<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Train managers</p>
<p onclick="alert(1)">A <a href="javascript:alert(1)">trap link</a> and <a href="https://www.unicef.org">a real one</a><script>alert(2)</script><img src=x onerror="alert(3)"></p>
<!--EndFragment--></body></html>`;

async function paste(page: Page, html: string, text: string): Promise<void> {
	await notesBox(page).evaluate(
		(element, { html, text }) => {
			const data = new DataTransfer();
			data.setData('text/html', html);
			data.setData('text/plain', text);
			element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		},
		{ html, text }
	);
}

test('pasted Word HTML, typed markup and javascript: links stay inert in the editor, the summary and the exports', async ({
	browser
}) => {
	const mihaela = await person(browser, RAPPORTEUR);
	const { page } = mihaela;
	await page.goto(PUBLISH_PAGE);
	await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
	await typeAtEnd(page, 'Typed <script>alert(1)</script> & <b>not bold</b>');
	await paste(page, WORD_HTML, 'Pasted from Word');
	const box = notesBox(page);
	await expect(box.getByRole('listitem').filter({ hasText: 'Invest in supervision' })).toHaveCount(1);
	await expect(box.getByRole('listitem').filter({ hasText: 'Train managers' })).toHaveCount(1);
	await expect(box).not.toContainText('·');
	await expect(box.locator('strong', { hasText: 'Pasted from Word' })).toHaveCount(1);
	await expect(box.getByRole('link', { name: 'a real one' })).toHaveAttribute('href', 'https://www.unicef.org');
	await expect(box.locator('a[href^="javascript"], script, img, [onclick]')).toHaveCount(0);
	await expect(box).toContainText('trap link');

	// A paste over the limit is refused with a message, and nothing of it lands.
	await paste(page, '', 'x'.repeat(1_100_000));
	await expect(page.getByRole('alert')).toContainText(t('en', 'editor.pasteTooLarge', { size: 1.1, limit: 1 }));
	await expect(box).not.toContainText('xxxxxxxxxx');
	await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });

	// A recommendation written in markup, accepted: it goes into the summary and the exports.
	const board = page.getByRole('region', { name: t('en', 'recommendations.title') });
	const markup = `<script>alert(4)</script><a href="javascript:alert(5)">rec link</a> <b>rec bold</b> <o:p></o:p>`;
	await board.getByLabel(t('en', 'recommendations.add.text'), { exact: true }).fill(markup);
	await board.getByRole('button', { name: t('en', 'recommendations.add.submit') }).click();
	const recommendation = board.getByRole('article', { name: markup });
	await recommendation.getByLabel(t('en', 'recommendations.curate.status')).selectOption('accepted');
	await recommendation.getByRole('button', { name: t('en', 'recommendations.curate.setStatus') }).click();
	await expect(recommendation).toContainText(t('en', 'recommendations.status.accepted'));

	// Publish twice: the summary shows the notes, inert; the first version stays.
	for (const version of [1, 2]) {
		await page
			.getByRole('button', { name: t('en', version === 1 ? 'notes.publish.action' : 'notes.publish.republish') })
			.click();
		await expect(page.getByText(t('en', 'notes.publish.success', { version }))).toBeVisible();
	}
	const summary = page.getByRole('region', { name: t('en', 'notes.summary.heading') });
	await expect(summary).toContainText('Typed <script>alert(1)</script> & <b>not bold</b>');
	await expect(summary.getByRole('link', { name: 'a real one' })).toHaveAttribute('href', 'https://www.unicef.org');
	await expect(summary).toContainText(markup);
	await expect(summary.locator('a[href^="javascript"], script, img, [onclick], b')).toHaveCount(0);
	await expect(summary.getByText(t('en', 'notes.summary.versions'))).toBeVisible();

	// A visitor reads the published summary, not the notes being written.
	const visitor = await person(browser, null);
	await visitor.page.goto(PUBLISH_PAGE);
	const published = visitor.page.getByRole('region', { name: t('en', 'notes.summary.heading') });
	await expect(published).toContainText('Invest in supervision');
	await expect(published).toContainText('Typed <script>alert(1)</script>');
	await expect(notesBox(visitor.page)).toHaveCount(0);
	await expect(visitor.page.getByRole('button', { name: t('en', 'notes.publish.republish') })).toHaveCount(0);
	expect(visitor.errors).toEqual([]);

	// The exports: Word with real headings and lists, Markdown with everything escaped.
	const docx = await page.request.get(`${PUBLISH_PAGE}/report.docx`);
	expect(docx.status()).toBe(200);
	const buffer = Buffer.from(await docx.body());
	const { value: html } = await mammoth.convertToHtml({ buffer });
	expect(html).toContain(`<h1>${t('en', 'notes.report.notes')}</h1>`);
	expect(html).toContain(`<h3>${t('en', 'notes.template.keyPoints')}</h3>`);
	expect(html).toContain(`<h1>${t('en', 'notes.report.recommendations')}</h1>`);
	expect(html).toContain('<li>Invest in supervision</li><li>Train managers</li>');
	expect(html).toContain('<strong>Pasted from Word</strong>');
	expect(html).toContain('Typed &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;');
	expect(html).toContain('&lt;script&gt;alert(4)&lt;/script&gt;&lt;a href=');
	expect(html).toContain('&lt;b&gt;rec bold&lt;/b&gt;');
	// The recommendation's markup is there as text; nothing of it is markup in the file.
	expect(html).not.toMatch(/<a href="javascript:|<script|<img|<b>/);
	const markdown = await (await page.request.get(`${PUBLISH_PAGE}/report.md`)).text();
	expect(markdown).toContain('Typed &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;not bold&lt;/b&gt;');
	expect(markdown).toContain('- Invest in supervision');
	// Every < of the recommendation is escaped, so none of its tags opens in a Markdown viewer.
	expect(markdown).toMatch(/&lt;script.*&lt;a href=.*rec link.*&lt;b.*rec bold/);
	expect(markdown).not.toMatch(/\]\(javascript:|<script|<b>|<a /);
	// Someone who may not read the notes gets no report.
	expect((await visitor.page.request.get(`${SESSION_PAGE}/report.md`)).status()).toBe(403);

	expect(mihaela.errors).toEqual([]);
	await mihaela.context.close();
	await visitor.context.close();
});

test('the session page has no serious accessibility problem, editing or read-only, in each language', async ({
	browser
}) => {
	for (const locale of LOCALES) {
		for (const email of [RAPPORTEUR, DELEGATE]) {
			const viewer = await person(browser, email, locale);
			await viewer.page.goto(SESSION_PAGE);
			await expect(notesBox(viewer.page, locale)).toBeVisible({ timeout: 20_000 });
			await expect(indicator(viewer.page)).toHaveAttribute('data-state', email === RAPPORTEUR ? 'saved' : 'live', {
				timeout: 20_000
			});
			const results = await new AxeBuilder({ page: viewer.page }).analyze();
			const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			if (locale !== 'en' || email === RAPPORTEUR) {
				for (const width of [390, 1280]) {
					await viewer.page.setViewportSize({ width, height: 900 });
					await viewer.page.getByRole('heading', { name: t(locale, 'notes.heading') }).scrollIntoViewIfNeeded();
					await viewer.page.screenshot({
						path: `test-results/session-notes-${locale}-${email === RAPPORTEUR ? 'editing' : 'read-only'}-${width}.png`,
						fullPage: true
					});
				}
			}
			expect(viewer.errors).toEqual([]);
			await viewer.context.close();
		}
	}
});

test('a rapporteur promotes a selected passage of the notes to a recommendation in one action', async ({ browser }) => {
	const mihaela = await person(browser, RAPPORTEUR);
	const { page } = mihaela;
	await page.goto(PUBLISH_PAGE);
	await expect(indicator(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
	const passage = 'Guarantee one supervisor for every ten social workers';
	await typeAtEnd(page, passage);
	await page.keyboard.press('Shift+Home');
	await page.getByRole('button', { name: t('en', 'notes.promote.action') }).click();
	await expect(page.getByText(t('en', 'notes.promote.done'))).toBeVisible();
	const board = page.getByRole('region', { name: t('en', 'recommendations.title') });
	await expect(board.getByText(passage)).toBeVisible();
	expect(mihaela.errors).toEqual([]);
	await mihaela.context.close();
});
