// The auth mails' wording keeps the same language rules as the UI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAIL_WORDING, hostedSubject, mailLanguage, type MailKind } from '../../supabase/local/auth/mail-templates.ts';

const KINDS: MailKind[] = ['signup', 'invite', 'magiclink', 'recovery', 'email_change'];

function allText(language: 'en' | 'ro' | 'ru'): string {
	const wording = MAIL_WORDING[language];
	return [
		...KINDS.map((kind) => wording.subject[kind]),
		...KINDS.map((kind) => wording.intro[kind]),
		wording.code('123456'),
		...[1, 2, 5, 20, 21, 60].map((minutes) => wording.expiry(minutes))
	].join('\n');
}

describe('auth mail wording', () => {
	it('writes Romanian with comma-below ș ț and Russian without ё', () => {
		expect(allText('ro')).toMatch(/[șț]/);
		expect(allText('ro')).not.toMatch(/[şţŞŢ]/);
		expect(allText('ru')).not.toMatch(/[ёЁ]/);
	});

	it('counts minutes with each language’s plural', () => {
		expect(MAIL_WORDING.ro.expiry(1)).toContain('1 minut ');
		expect(MAIL_WORDING.ro.expiry(5)).toContain('5 minute ');
		expect(MAIL_WORDING.ro.expiry(60)).toContain('60 de minute');
		expect(MAIL_WORDING.ru.expiry(1)).toContain('1 минута');
		expect(MAIL_WORDING.ru.expiry(3)).toContain('3 минуты');
		expect(MAIL_WORDING.ru.expiry(60)).toContain('60 минут');
	});

	it('picks the preferred language, then the page locale, then English', () => {
		expect(mailLanguage({ preferred_language: 'ro' }, 'http://x/cb?locale=ru')).toBe('ro');
		expect(mailLanguage({}, 'http://x/cb?locale=ru')).toBe('ru');
		expect(mailLanguage(null, 'http://x/cb')).toBe('en');
		expect(mailLanguage({ preferred_language: 'de' }, 'not a url')).toBe('en');
	});
});

describe('hosted mail templates', () => {
	it('are generated from this wording (run node scripts/mail-templates.ts after changing it)', async () => {
		const { expectedFiles } = await import('../../scripts/mail-templates.ts');
		for (const [file, content] of await expectedFiles()) {
			expect(readFileSync(file, 'utf8'), file).toBe(content);
		}
	});

	it('choose the language from the user metadata, English when it is missing', () => {
		const subject = hostedSubject('magiclink');
		expect(subject).toContain('{{ $lang := or .Data.preferred_language "en" }}');
		for (const language of ['ro', 'ru'] as const) {
			expect(subject).toContain(`{{ if eq $lang "ro" }}`);
			expect(subject).toContain(MAIL_WORDING[language].subject.magiclink);
		}
		expect(subject).toMatch(/\{\{ else \}\}Your Magic Link\{\{ end \}\}$/);
	});
});
