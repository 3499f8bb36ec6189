// Inviting one member from their row in the members list, and the invitation link's
// lifetime: the mail (in the member's language) lands on Accord's accept page with a
// single-use token of its own, which still signs the person in once Auth's one-hour link
// has expired (and without JavaScript), and offers the usual sign-in by email once spent.
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { personClient } from './clients';
import { signInAs } from './sign-in-as';
import { EVENT_ID, SLUG } from './voting-helpers';

const ORGANISER = 'organiser@accord.test';
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
const RUN = Date.now().toString(36);
const SCREENS = process.env.SCREENSHOT_DIR ?? '/tmp/accord-screens/organiser-invite';
const INVITEE = { name: `Олена Рядок ${RUN}`, email: `olena.row.${RUN}@example.org` };
const NO_SCRIPT = { name: `Ioana Fără Script ${RUN}`, email: `ioana.noscript.${RUN}@example.org` };

/** What Auth does with its link after the hour: back to the accept page with an error in the fragment. */
const AUTH_EXPIRED =
	'#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired';

test('an organiser invites one member from the row; the link outlives Auth and works once', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	// A new member who has never been invited, added the way an import adds them.
	const organiserApi = await personClient(BASE_URL, ORGANISER);
	const imported = await organiserApi.rpc('import_members', {
		p_event_id: EVENT_ID,
		p_rows: [
			[INVITEE.email, INVITEE.name, 'UA', null, null, 'delegate', 'ru'],
			[NO_SCRIPT.email, NO_SCRIPT.name, 'MD', null, null, 'delegate', 'ro']
		]
	});
	expect(imported.error).toBeNull();

	await signInAs(page, ORGANISER);
	await page.goto(`/${SLUG}/organise/members?q=${encodeURIComponent(INVITEE.name)}`);
	if ((await page.locator('html').getAttribute('lang')) !== 'en') {
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
	const row = page.getByRole('listitem').filter({ hasText: INVITEE.name });
	await expect(row).toContainText(t('en', 'organiser.members.state.notInvited'));
	await row.getByRole('button', { name: `${t('en', 'peopleInvitations.invite')} ${INVITEE.name}` }).click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'organiser.members.invitationSent') })).toBeVisible();
	await expect(row).toContainText(t('en', 'organiser.members.state.invited'));
	await expect(
		row.getByRole('button', { name: `${t('en', 'peopleInvitations.resend')} ${INVITEE.name}` })
	).toBeVisible();

	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `${SCREENS}/members-invited-${width}.png`, fullPage: true });
	}

	// The mail, in the member's language.
	await page.goto('/dev/outbox');
	const mail = page.getByRole('listitem').filter({ hasText: INVITEE.email }).first();
	await expect(mail.getByRole('heading')).toHaveText('Приглашение в Accord');
	const authLink = new URL((await mail.getByRole('link', { name: t('en', 'outbox.openLink') }).getAttribute('href'))!);
	const landing = authLink.searchParams.get('redirect_to')!;
	expect(new URL(landing).pathname).toBe('/auth/accept');
	expect(new URL(landing).searchParams.get('invitation')).toMatch(/^[0-9a-f]{64}$/);

	// Days later: Auth's link has expired and sends the person to the accept page with an
	// error; the invitation's own token signs them in.
	const invitee = await browser.newContext();
	const inviteePage = await invitee.newPage();
	await inviteePage.goto(landing + AUTH_EXPIRED);
	await expect(inviteePage).toHaveURL(`/${SLUG}/programme`);
	await expect(inviteePage.getByText(INVITEE.name).first()).toBeVisible();
	await invitee.close();

	// The same link again: spent, so the usual sign-in by email is offered.
	const again = await browser.newContext();
	const againPage = await again.newPage();
	await againPage.goto(landing + AUTH_EXPIRED);
	await expect(againPage.getByRole('alert')).toHaveText(t('en', 'peopleInvitations.acceptExpired'));
	await againPage.getByRole('link', { name: t('en', 'peopleInvitations.signInByEmail') }).click();
	await expect(againPage.getByLabel(t('en', 'auth.email'))).toBeVisible();
	await again.close();

	await page.goto(`/${SLUG}/organise/members?q=${encodeURIComponent(INVITEE.name)}`);
	await expect(row).toContainText(t('en', 'organiser.members.state.joined'));
	// Joined: nothing left to send.
	await expect(row.getByRole('button', { name: `${t('en', 'peopleInvitations.resend')} ${INVITEE.name}` })).toHaveCount(
		0
	);

	// Without JavaScript the page offers a button that spends the invitation's token.
	await page.goto(`/${SLUG}/organise/members?q=${encodeURIComponent(NO_SCRIPT.name)}`);
	await page
		.getByRole('listitem')
		.filter({ hasText: NO_SCRIPT.name })
		.getByRole('button', { name: `${t('en', 'peopleInvitations.invite')} ${NO_SCRIPT.name}` })
		.click();
	await expect(page.getByRole('status').filter({ hasText: t('en', 'organiser.members.invitationSent') })).toBeVisible();
	await page.goto('/dev/outbox');
	const roMail = page.getByRole('listitem').filter({ hasText: NO_SCRIPT.email }).first();
	await expect(roMail.getByRole('heading')).toHaveText('Invitație în Accord');
	const roLanding = new URL(
		(await roMail.getByRole('link', { name: t('en', 'outbox.openLink') }).getAttribute('href'))!
	).searchParams.get('redirect_to')!;
	const noScript = await browser.newContext({ javaScriptEnabled: false, locale: BROWSER_LOCALE.ro });
	const noScriptPage = await noScript.newPage();
	await noScriptPage.goto(roLanding);
	await noScriptPage.getByRole('button', { name: t('ro', 'peopleInvitations.continue') }).click();
	await expect(noScriptPage).toHaveURL(`/${SLUG}/programme`);
	await expect(noScriptPage.getByText(NO_SCRIPT.name).first()).toBeVisible();
	await noScript.close();
});
