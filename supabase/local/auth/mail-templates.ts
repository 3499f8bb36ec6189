// The wording of the sign-in, invitation and account mails in Accord's three languages.
// English keeps GoTrue's own default subjects, which is what a hosted project without
// custom templates sends, so code written against either sees the same mail.
//
// Which language: the recipient's `preferred_language` in their user metadata (what a
// hosted template reads as {{ .Data.preferred_language }}; invitations pass it in `data`),
// else the `locale` the requesting page put on its redirect URL, else English.

export type MailKind = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change';
export type MailLanguage = 'en' | 'ro' | 'ru';

const MAIL_LANGUAGES: readonly string[] = ['en', 'ro', 'ru'] satisfies MailLanguage[];

interface MailWording {
	subject: Record<MailKind, string>;
	intro: Record<MailKind, string>;
	code: (code: string) => string;
	expiry: (minutes: number) => string;
}

export const MAIL_WORDING: Record<MailLanguage, MailWording> = {
	en: {
		subject: {
			signup: 'Confirm Your Signup',
			invite: 'You have been invited',
			magiclink: 'Your Magic Link',
			recovery: 'Reset Your Password',
			email_change: 'Confirm Email Change'
		},
		intro: {
			signup: 'Follow this link to confirm your email address:',
			invite: 'You have been invited to create a user. Follow this link to accept the invitation:',
			magiclink: 'Follow this link to sign in:',
			recovery: 'Follow this link to reset the password for your user:',
			email_change: 'Follow this link to confirm the change of your email address to this one:'
		},
		code: (code) => `Or enter this code: ${code}`,
		expiry: (minutes) => `The link and the code expire in ${minutes} minutes and work once.`
	},
	ro: {
		subject: {
			signup: 'Confirmați adresa de e-mail',
			invite: 'Invitație în Accord',
			magiclink: 'Linkul dumneavoastră de autentificare în Accord',
			recovery: 'Resetarea parolei',
			email_change: 'Confirmați schimbarea adresei de e-mail'
		},
		intro: {
			signup: 'Pentru a confirma adresa de e-mail, deschideți linkul de mai jos:',
			invite: 'Ați fost invitat(ă) să participați în Accord. Pentru a accepta invitația, deschideți linkul de mai jos:',
			magiclink: 'Pentru a vă autentifica în Accord, deschideți linkul de mai jos:',
			recovery: 'Pentru a reseta parola contului dumneavoastră, deschideți linkul de mai jos:',
			email_change: 'Pentru a confirma schimbarea adresei de e-mail în aceasta, deschideți linkul de mai jos:'
		},
		code: (code) => `Sau introduceți acest cod: ${code}`,
		expiry: (minutes) =>
			`Linkul și codul expiră în ${counted(minutes, 'ro', { one: 'minut', few: 'minute', other: 'de minute' })} și pot fi folosite o singură dată.`
	},
	ru: {
		subject: {
			signup: 'Подтвердите адрес электронной почты',
			invite: 'Приглашение в Accord',
			magiclink: 'Ссылка для входа в Accord',
			recovery: 'Сброс пароля',
			email_change: 'Подтвердите смену адреса электронной почты'
		},
		intro: {
			signup: 'Чтобы подтвердить адрес электронной почты, перейдите по ссылке:',
			invite: 'Вас пригласили принять участие в работе в Accord. Чтобы принять приглашение, перейдите по ссылке:',
			magiclink: 'Чтобы войти в Accord, перейдите по ссылке:',
			recovery: 'Чтобы сбросить пароль вашей учетной записи, перейдите по ссылке:',
			email_change: 'Чтобы подтвердить смену адреса электронной почты на этот, перейдите по ссылке:'
		},
		code: (code) => `Или введите этот код: ${code}`,
		expiry: (minutes) =>
			`Срок действия ссылки и кода — ${counted(minutes, 'ru', { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' })}; их можно использовать один раз.`
	}
};

/** "20 de minute", "5 минут": the number with the plural form its language needs. */
function counted(count: number, language: MailLanguage, forms: Partial<Record<Intl.LDMLPluralRule, string>>): string {
	const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
	return `${count} ${form}`;
}

function asLanguage(value: unknown): MailLanguage | undefined {
	return typeof value === 'string' && MAIL_LANGUAGES.includes(value) ? (value as MailLanguage) : undefined;
}

/** The language a mail goes out in (see the top of this file). */
export function mailLanguage(userMetadata: Record<string, unknown> | null, redirectTo: string): MailLanguage {
	const preferred = asLanguage(userMetadata?.preferred_language);
	if (preferred) return preferred;
	try {
		return asLanguage(new URL(redirectTo).searchParams.get('locale')) ?? 'en';
	} catch {
		return 'en';
	}
}

// ---- Hosted projects --------------------------------------------------------------------
// GoTrue renders its mail subjects and bodies as Go templates, with the recipient's user
// metadata as .Data. These build the same three-language wording as Go templates, for
// supabase/templates/*.html and the subjects in config.toml (scripts/mail-templates.ts
// writes both; a test keeps them in step with the wording above).

/** GoTrue's names for the templates in config.toml ([auth.email.template.<name>]). */
export const HOSTED_TEMPLATE_NAMES: Record<MailKind, string> = {
	signup: 'confirmation',
	invite: 'invite',
	magiclink: 'magic_link',
	recovery: 'recovery',
	email_change: 'email_change'
};

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One Go template choosing by .Data.preferred_language (a missing key reads as English). */
function byLanguage(render: (language: MailLanguage) => string): string {
	return (
		'{{ $lang := or .Data.preferred_language "en" }}' +
		`{{ if eq $lang "ro" }}${render('ro')}{{ else if eq $lang "ru" }}${render('ru')}{{ else }}${render('en')}{{ end }}`
	);
}

export function hostedSubject(kind: MailKind): string {
	return byLanguage((language) => MAIL_WORDING[language].subject[kind]);
}

/** The mail body; `minutes` is config.toml's otp_expiry in minutes. */
export function hostedBody(kind: MailKind, minutes: number): string {
	const body = byLanguage((language) => {
		const wording = MAIL_WORDING[language];
		return [
			`\n<div lang="${language}">`,
			`  <p>${escapeHtml(wording.intro[kind])}</p>`,
			`  <p><a href="{{ .ConfirmationURL }}">${escapeHtml(wording.subject[kind])}</a></p>`,
			`  <p>${escapeHtml(wording.code(''))}<strong>{{ .Token }}</strong></p>`,
			`  <p>${escapeHtml(wording.expiry(minutes))}</p>`,
			'</div>\n'
		].join('\n');
	});
	return `<!-- Generated by scripts/mail-templates.ts from supabase/local/auth/mail-templates.ts. -->\n${body}\n`;
}
