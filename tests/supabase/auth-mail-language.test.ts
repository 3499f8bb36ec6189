// Sign-in and invitation mails go out in the recipient's language: the preferred_language
// of their user metadata (what a hosted template reads as {{ .Data.preferred_language }}),
// else the locale of the page that asked for the link, else English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_WORDING } from '../../supabase/local/auth/mail-templates.ts';
import { SITE_URL, newEmail, startAuthStack, type AuthStack } from './helpers/auth.ts';

let stack: AuthStack;

beforeAll(async () => {
	stack = await startAuthStack({ emailMinInterval: 0 });
});

afterAll(async () => {
	await stack?.close();
});

const callback = (locale?: string) => `${SITE_URL}/auth/callback?next=%2F${locale ? `&locale=${locale}` : ''}`;

async function userWithMetadata(email: string, metadata: Record<string, unknown>): Promise<void> {
	const { error } = await stack
		.adminClient()
		.auth.admin.createUser({ email, email_confirm: true, user_metadata: metadata });
	expect(error).toBeNull();
}

describe('mail language', () => {
	it("sends the magic link in the person's preferred language, whatever page asked", async () => {
		const email = newEmail('ro-reader');
		await userWithMetadata(email, { preferred_language: 'ro' });
		await stack.client().auth.signInWithOtp({ email, options: { emailRedirectTo: callback('ru') } });
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe(MAIL_WORDING.ro.subject.magiclink);
		expect(mail.text).toContain('Pentru a vă autentifica în Accord');
		expect(mail.text).toMatch(/expiră în \d+ (minut|minute|de minute) și pot fi folosite o singură dată/);
		expect(mail.html).toContain('lang="ro"');
	});

	it('falls back to the locale of the page that asked for the link', async () => {
		const email = newEmail('no-preference');
		await userWithMetadata(email, { display_name: 'Olena' });
		await stack.client().auth.signInWithOtp({ email, options: { emailRedirectTo: callback('ru') } });
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Ссылка для входа в Accord');
		expect(mail.text).toMatch(/Срок действия ссылки и кода — \d+ минут/);
		expect(mail.text).not.toMatch(/[ёЁ]/);
	});

	it('keeps GoTrue’s English mail when nothing says otherwise', async () => {
		const email = newEmail('english');
		await userWithMetadata(email, {});
		await stack.client().auth.signInWithOtp({ email, options: { emailRedirectTo: callback() } });
		expect((await stack.latestMail(email)).subject).toBe('Your Magic Link');
		const unknown = newEmail('klingon');
		await userWithMetadata(unknown, { preferred_language: 'tlh' });
		await stack.client().auth.signInWithOtp({ email: unknown, options: { emailRedirectTo: callback('xx') } });
		expect((await stack.latestMail(unknown)).subject).toBe('Your Magic Link');
	});

	it('invites in the language the organiser passes in data', async () => {
		const email = newEmail('invited-ru');
		const { error } = await stack
			.adminClient()
			.auth.admin.inviteUserByEmail(email, { data: { preferred_language: 'ru' }, redirectTo: callback('en') });
		expect(error).toBeNull();
		const mail = await stack.latestMail(email);
		expect(mail.subject).toBe('Приглашение в Accord');
		expect(mail.text).toContain('Чтобы принять приглашение, перейдите по ссылке:');
		expect(mail.link).toContain('type=invite');
	});
});
