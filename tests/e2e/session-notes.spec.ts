// Issue 11: live session notes. Two rapporteurs write together and see each other; a
// delegate reads live and cannot type; a rapporteur who loses the connection keeps typing,
// reloads, and nothing is lost; the published summary and the exports carry the notes,
// inert whatever was typed or pasted.
import type { Browser, BrowserContext, Page, WebSocketRoute } from '@playwright/test';
import { BROWSER_LOCALE, expect, t, test, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

const EVENT = 'social-workforce-2018';
// Closing plenary (23 Nov, scheduled): co-rapporteurs Mihaela Stan and Natalia Cojocaru.
const SESSION = '50000000-0000-4000-8000-000000001817';
const SESSION_PAGE = `/${EVENT}/programme/${SESSION}`;
const RAPPORTEUR = 'rapporteur@accord.test';
const CO_RAPPORTEUR = 'rapporteur2@accord.test';
const DELEGATE = 'delegate.al.1@accord.test';

interface Person {
	context: BrowserContext;
	page: Page;
	errors: string[];
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
/** Signed-in sessions, one sign-in per address for the whole file (mail is rate limited). */
const sessions = new Map<string, StorageState>();

async function person(browser: Browser, email: string | null, locale: Locale = 'en'): Promise<Person> {
	const stored = email ? sessions.get(email) : undefined;
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], storageState: stored });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.text().startsWith('[svelte-i18n]')) errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	if (email && !stored) {
		await signInAs(page, email, locale);
		sessions.set(email, await context.storageState());
	}
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

test.describe.configure({ mode: 'serial' });

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

	// Both type at the same time.
	await Promise.all([
		typeAtEnd(mihaela.page, 'Mihaela: supervision must be funded.'),
		typeAtEnd(natalia.page, 'Natalia: training for case managers.')
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
	// The collab socket passes through this route, so the test can cut it like venue Wi-Fi
	// does and keep it cut while the page reloads (a reload needs the network for the page
	// itself, which has no service worker; the notes' connection stays down).
	let collabReachable = true;
	const sockets: WebSocketRoute[] = [];
	await mihaela.context.routeWebSocket(/\/collab\//, (socket) => {
		if (!collabReachable) {
			void socket.close({ code: 1006, reason: 'offline' }).catch(() => undefined);
			return;
		}
		socket.connectToServer();
		sockets.push(socket);
	});
	await Promise.all([mihaela.page.goto(SESSION_PAGE), natalia.page.goto(SESSION_PAGE)]);
	await expect(indicator(mihaela.page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });

	collabReachable = false;
	await mihaela.context.setOffline(true);
	await Promise.all(sockets.map((socket) => socket.close({ code: 1006, reason: 'offline' }).catch(() => undefined)));
	await expect(indicator(mihaela.page)).toHaveAttribute('data-state', /offline/);
	await typeAtEnd(mihaela.page, 'Written on venue Wi-Fi while it was down.');
	await expect(indicator(mihaela.page)).toHaveAttribute('data-state', 'offlinePending');
	await expect(indicator(mihaela.page)).toContainText(/waiting to be sent/);

	// Reload with the notes' server still unreachable: the words come back from this device.
	await mihaela.context.setOffline(false);
	mihaela.page.on('dialog', (dialog) => void dialog.accept());
	await mihaela.page.reload();
	await expect(notesBox(mihaela.page)).toContainText('Written on venue Wi-Fi while it was down.');
	await expect(notesBox(natalia.page)).not.toContainText('Written on venue Wi-Fi while it was down.');

	// Back online: merged, delivered, stored.
	collabReachable = true;
	await mihaela.page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(indicator(mihaela.page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
	await expect(notesBox(natalia.page)).toContainText('Written on venue Wi-Fi while it was down.');
	const fresh = await person(browser, DELEGATE);
	await fresh.page.goto(SESSION_PAGE);
	await expect(notesBox(fresh.page)).toContainText('Written on venue Wi-Fi while it was down.');
	const report = await fresh.page.request.get(`${SESSION_PAGE}/report.md`);
	expect(report.status()).toBe(200);
	expect(await report.text()).toContain('while it was down');

	for (const { context } of [mihaela, natalia, fresh]) await context.close();
});
