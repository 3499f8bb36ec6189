// The Call to Action as delegates, translators and organisers use it (DESIGN §5): the text
// served before any JavaScript, translations flagged outdated when the master changes,
// amendments proposed, endorsed and accepted into every open page, and a frozen text that
// no socket can change.
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC, COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../src/lib/collab/protocol.ts';
import { personClient } from './clients';
import {
	EVENT_ID,
	SLUG,
	admin,
	newDocument,
	paragraph,
	readBlocks,
	setDocumentStatus,
	translated,
	writeBlocks
} from '../support/call-to-action-scene.ts';
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { signInAs, signedIn } from './sign-in-as';

const MASTER = [
	{ type: 'heading', attrs: { id: 'b-head', level: 2 }, content: [{ type: 'text', text: 'Our commitments' }] },
	paragraph('b-invest', 'Invest in the social service workforce.'),
	paragraph('b-train', 'Train supervisors in every region.')
];

test('the page HTML carries the current text before any JavaScript', async ({ page, baseURL }) => {
	const id = await newDocument(baseURL!, 'Server-rendered text');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await writeBlocks(
		baseURL!,
		id,
		'ro',
		translated(MASTER, [
			'Angajamentele noastre',
			'Investiți în personalul din serviciile sociale.',
			'Formați supervizori în fiecare regiune.'
		])
	);
	await signInAs(page, 'delegate.ba.1@accord.test');
	// The request carries the session cookie and runs no script: what slow Wi-Fi shows first.
	const html = await (await page.request.get(`/${SLUG}/call-to-action/${id}?lang=ro`)).text();
	expect(html).toContain('Investiți în personalul din serviciile sociale.');
	expect(html).toContain('data-testid="server-text"');
});

test('a Romanian paragraph turns outdated when the English one changes, and clears once the translator confirms it', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Drift');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await writeBlocks(
		baseURL!,
		id,
		'ro',
		translated(MASTER, [
			'Angajamentele noastre',
			'Investiți în personalul din serviciile sociale.',
			'Formați supervizori în fiecare regiune.'
		])
	);

	const writer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	await signInAs(writer, 'delegate.al.2@accord.test');
	await writer.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	const editor = writer.getByRole('textbox', { name: t('en', 'cta.editorLabel', { language: 'en' }) });
	await expect(editor).toBeVisible({ timeout: 20_000 });
	await editor.getByText('Invest in the social service workforce.').click();
	await writer.keyboard.press('End');
	await writer.keyboard.press('ArrowLeft');
	await writer.keyboard.type(' and its supervisors');
	await expect
		.poll(async () => (await readBlocks(baseURL!, id, 'en'))[1]?.text)
		.toBe('Invest in the social service workforce and its supervisors.');

	const translator = await (await browser.newContext({ locale: 'ro-RO' })).newPage();
	await signInAs(translator, 'delegate.am.2@accord.test', 'ro');
	await translator.goto(`/${SLUG}/call-to-action/${id}/translation?lang=ro`);
	const row = translator.locator('[data-testid="aligned-block"][data-block-id="b-invest"]');
	await expect(row).toHaveAttribute('data-status', 'outdated');
	await expect(row.getByText(t('ro', 'cta.drift.outdated'))).toBeVisible();
	await expect(row.locator('ins')).toContainText('and its supervisors');
	await expect(translator.getByTestId('drift-counts')).toContainText('1');

	// The translator updates the Romanian paragraph in the editor, then confirms it.
	await translator.goto(`/${SLUG}/call-to-action/${id}?lang=ro`);
	const roEditor = translator.getByRole('textbox', { name: t('ro', 'cta.editorLabel', { language: 'ro' }) });
	await expect(roEditor).toBeVisible({ timeout: 20_000 });
	await roEditor.getByText('Investiți în personalul din serviciile sociale.').click();
	await translator.keyboard.press('End');
	await translator.keyboard.press('ArrowLeft');
	await translator.keyboard.type(' și în supervizorii săi');
	await expect.poll(async () => (await readBlocks(baseURL!, id, 'ro'))[1]?.text).toContain('supervizorii săi');
	await translator.goto(`/${SLUG}/call-to-action/${id}/translation?lang=ro`);
	await row.getByRole('button', { name: t('ro', 'cta.drift.confirm') }).click();
	await expect(row).toHaveAttribute('data-status', 'ok');
	await expect(translator.getByTestId('drift-counts')).toHaveText(t('ro', 'cta.drift.allUpToDate'));
});

test('in amendment mode a delegate proposes, another endorses, an organiser accepts, and every open page shows the new text', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Amendments');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await writeBlocks(
		baseURL!,
		id,
		'ro',
		translated(MASTER, ['Angajamentele noastre', 'Investiți în personal.', 'Formați supervizori.'])
	);
	await setDocumentStatus(baseURL!, id, 'amendments');
	const url = `/${SLUG}/call-to-action/${id}?lang=en`;

	const proposer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	await signInAs(proposer, 'delegate.az.1@accord.test');
	await proposer.goto(url);
	const text = proposer.getByRole('textbox', { name: t('en', 'cta.editorLabel', { language: 'en' }) });
	await expect(text).toBeVisible({ timeout: 20_000 });
	await expect(text).toHaveAttribute('contenteditable', 'false');

	const paragraphCard = proposer.getByRole('listitem').filter({ hasText: 'Train supervisors in every region.' });
	await paragraphCard.getByText(t('en', 'cta.amend.propose')).first().click();
	await paragraphCard.getByLabel(t('en', 'cta.amend.text')).fill('Train and pay supervisors in every region.');
	await paragraphCard.getByLabel(t('en', 'cta.amend.reason')).fill('Pay keeps them in post.');
	await paragraphCard.getByRole('button', { name: t('en', 'cta.amend.submit') }).click();
	await expect(proposer.getByText(t('en', 'cta.amend.proposed'))).toBeVisible();

	const endorser = await (await browser.newContext({ locale: 'ro-RO' })).newPage();
	await signInAs(endorser, 'delegate.az.2@accord.test', 'ro');
	await endorser.goto(url);
	const amendment = endorser.getByTestId('amendment').filter({ hasText: 'Train and pay supervisors' });
	await amendment.getByRole('button', { name: t('ro', 'cta.amend.endorse') }).click();
	await expect(amendment.getByTestId('endorsements')).toHaveText(t('ro', 'cta.amend.endorsements', { count: 1 }));
	const endorserText = endorser.getByRole('textbox', { name: t('ro', 'cta.editorLabel', { language: 'en' }) });
	await expect(endorserText).toBeVisible({ timeout: 20_000 });

	const organiser = await (await browser.newContext({ locale: 'en-GB' })).newPage();
	await signInAs(organiser, 'organiser@accord.test');
	await organiser.goto(url);
	const decision = organiser.getByTestId('amendment').filter({ hasText: 'Train and pay supervisors' });
	await decision.getByLabel(t('en', 'cta.amend.decisionReason')).fill('Agreed in plenary');
	await decision.getByRole('button', { name: t('en', 'cta.amend.accept') }).click();
	await expect(organiser.getByText(t('en', 'cta.amend.accepted'))).toBeVisible();

	// No reload: the server's change arrives in the open editors through Yjs.
	await expect(text).toContainText('Train and pay supervisors in every region.');
	await expect(endorserText).toContainText('Train and pay supervisors in every region.');
	// The Romanian paragraph of that block is now behind its master.
	const ro = await readBlocks(baseURL!, id, 'ro');
	const en = await readBlocks(baseURL!, id, 'en');
	expect(ro.find((b) => b.id === 'b-train')?.sourceHash).not.toBe(en.find((b) => b.id === 'b-train')?.hash);
	await organiser.reload();
	await expect(organiser.getByTestId('drift-ro')).toContainText(/1/);

	// Once amendment mode is over, a proposal sent from a page that could not know (no
	// JavaScript, opened before) is refused with a translated message, the text kept.
	const late = await signedIn(browser, 'delegate.az.1@accord.test', { javaScriptEnabled: false, next: url });
	const second = late.getByRole('listitem').filter({ hasText: 'Our commitments' }).first();
	await second.getByText(t('en', 'cta.amend.propose')).first().click();
	await second.getByLabel(t('en', 'cta.amend.text')).fill('Our shared commitments');
	await setDocumentStatus(baseURL!, id, 'frozen');
	await second.getByRole('button', { name: t('en', 'cta.amend.submit') }).click();
	await expect(late.getByRole('alert').filter({ hasText: t('en', 'error.data.notInAmendmentMode') })).toBeVisible();
	await expect(late.getByLabel(t('en', 'cta.amend.unsent'))).toHaveValue('Our shared commitments');
});

test('an amendment whose paragraph left the text is not accepted: it stays proposed and the text is unchanged', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Failed apply');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await setDocumentStatus(baseURL!, id, 'amendments');
	const db = await admin(baseURL!);
	const { data: author } = await db.from('members').select('id').eq('event_id', EVENT_ID).limit(1).single();
	await db.from('amendments').insert({
		document_id: id,
		block_id: 'b-train',
		language: 'en',
		proposed_text: 'Train and pay supervisors.',
		author_id: author!.id
	});
	const page = await (await browser.newContext({ locale: BROWSER_LOCALE.ro })).newPage();
	await signInAs(page, 'organiser@accord.test', 'ro');
	await page.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	const decision = page.getByTestId('amendment').filter({ hasText: 'Train and pay supervisors.' });
	await expect(decision).toBeVisible();
	// While the page is open, the paragraph leaves the live text (the server removes it).
	await writeBlocks(baseURL!, id, 'en', MASTER.slice(0, 2));
	await decision.getByRole('button', { name: t('ro', 'cta.amend.accept') }).click();
	await expect(page.getByRole('alert').filter({ hasText: t('ro', 'cta.errors.notApplied') })).toBeVisible();
	const { data: row } = await db.from('amendments').select('status, decided_at').eq('document_id', id).single();
	expect(row).toEqual({ status: 'proposed', decided_at: null });
	expect((await readBlocks(baseURL!, id, 'en')).map((block) => block.text)).toEqual([
		'Our commitments',
		'Invest in the social service workforce.'
	]);
});

test('after freezing, a hand-crafted Yjs update on a delegate’s socket does not change the stored text', async ({
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Frozen');
	await writeBlocks(baseURL!, id, 'en', MASTER);
	await setDocumentStatus(baseURL!, id, 'frozen');
	const { data } = await (await personClient(baseURL!, 'delegate.al.1@accord.test')).auth.getSession();
	const socket = new WebSocket(`${baseURL!.replace(/^http/, 'ws')}/collab/cta:${id}:en`, [
		COLLAB_SUBPROTOCOL,
		TOKEN_PROTOCOL_PREFIX + data.session!.access_token
	]);
	await new Promise((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('error', reject);
	});
	const forged = new Y.Doc();
	forged.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
	(forged.getXmlFragment('default').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Forged words.')]);
	const frame = encoding.createEncoder();
	encoding.writeVarUint(frame, MESSAGE_SYNC);
	syncProtocol.writeUpdate(frame, Y.encodeStateAsUpdate(forged));
	socket.send(encoding.toUint8Array(frame));
	await new Promise((resolve) => setTimeout(resolve, 500));
	socket.close();
	const stored = await readBlocks(baseURL!, id, 'en');
	expect(stored.map((block) => block.text)).toEqual([
		'Our commitments',
		'Invest in the social service workforce.',
		'Train supervisors in every region.'
	]);
});

test('three delegates edit the same paragraph at once, in two UI languages, and end with the same text', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Co-editing');
	await writeBlocks(baseURL!, id, 'en', [paragraph('b-shared', 'We agree.')]);
	const people = [
		{ email: 'delegate.md.1@accord.test', locale: 'en' as const, words: ' Alpha' },
		{ email: 'delegate.md.2@accord.test', locale: 'en' as const, words: ' Beta' },
		{ email: 'delegate.ro.1@accord.test', locale: 'ro' as const, words: ' Gama' }
	];
	const editors = await Promise.all(
		people.map(async (person) => {
			const page = await (await browser.newContext({ locale: person.locale === 'ro' ? 'ro-RO' : 'en-GB' })).newPage();
			await signInAs(page, person.email, person.locale);
			await page.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
			const editor = page.getByRole('textbox', { name: t(person.locale, 'cta.editorLabel', { language: 'en' }) });
			await expect(editor).toBeVisible({ timeout: 20_000 });
			await editor.getByText('We agree.').click();
			await page.keyboard.press('End');
			return { page, editor, ...person };
		})
	);
	await Promise.all(editors.map(({ page, words }) => page.keyboard.type(words, { delay: 20 })));
	// Typed at the same place at the same moment, letters interleave; what matters is that
	// nothing is lost and every screen converges on one text.
	const textOf = (editor: (typeof editors)[number]['editor']) =>
		editor.evaluate((element) => {
			const copy = element.cloneNode(true) as HTMLElement;
			copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
			return copy.textContent ?? '';
		});
	const expectedLength = 'We agree.'.length + people.reduce((sum, person) => sum + person.words.length, 0);
	for (const entry of editors) await expect.poll(async () => (await textOf(entry.editor)).length).toBe(expectedLength);
	const texts = await Promise.all(editors.map((entry) => textOf(entry.editor)));
	const letters = (text: string) => [...text].sort().join('');
	expect(letters(texts[0]!)).toBe(letters('We agree.' + people.map((person) => person.words).join('')));
	expect(new Set(texts).size).toBe(1);
	await expect
		.poll(async () => (await readBlocks(baseURL!, id, 'en'))[0]?.text)
		.toBe(texts[0]!.replace(/\s+/g, ' ').trim());
});
