// The auth mails' wording keeps the same language rules as the UI.
import { describe, expect, it } from 'vitest';
import { MAIL_WORDING, mailLanguage, type MailKind } from '../../supabase/local/auth/mail-templates.ts';

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
