import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EventSettingsSchema, missingTranslations, slugFromTitle } from './event-settings';

const valid = {
	slug: 'forum-2026',
	title: { ro: 'Forumul', en: 'Forum' },
	summary: {},
	venue: {},
	timezone: 'Europe/Chisinau',
	starts_on: '2026-05-11',
	ends_on: '2026-05-13',
	languages: ['ro', 'en'],
	default_language: 'ro'
};

function issuesOf(input: unknown) {
	const result = v.safeParse(EventSettingsSchema, input);
	return result.success ? [] : result.issues.map((issue) => issue.message);
}

describe('event settings', () => {
	it('accepts a complete event', () => {
		expect(issuesOf(valid)).toEqual([]);
	});

	it('refuses dates in the wrong order, with its own message', () => {
		expect(issuesOf({ ...valid, ends_on: '2026-05-10' })).toEqual(['events.error.endsBeforeStarts']);
	});

	it('refuses a default language the event does not work in', () => {
		expect(issuesOf({ ...valid, default_language: 'ru' })).toEqual(['events.error.defaultNotWorking']);
	});

	it('refuses a slug with spaces or capitals it cannot fix, and an unknown time zone', () => {
		expect(issuesOf({ ...valid, slug: 'forum 2026' })).toEqual(['events.error.slugFormat']);
		expect(issuesOf({ ...valid, slug: 'Forum-2026' })).toEqual([]);
		expect(issuesOf({ ...valid, timezone: 'Mars/Olympus' })).toEqual(['events.error.timeZone']);
	});

	it('needs at least one working language', () => {
		expect(issuesOf({ ...valid, languages: [] })).toContain('events.error.noLanguage');
	});
});

describe('missing translations', () => {
	it('lists the working languages each filled field lacks; an empty optional field is not flagged', () => {
		expect(
			missingTranslations({ title: { ro: 'Forumul' }, summary: {}, venue: { ro: 'Chișinău', en: 'Chisinau' } }, [
				'ro',
				'en',
				'ru'
			])
		).toEqual({ title: ['en', 'ru'], venue: ['ru'] });
	});

	it('ignores languages the event does not work in', () => {
		expect(missingTranslations({ title: { ro: 'Forumul', en: 'Forum' } }, ['ro', 'en'])).toEqual({});
	});
});

describe('slug from a title', () => {
	it('drops Romanian diacritics and transliterates Russian', () => {
		expect(slugFromTitle('Forumul național al asistenței sociale 2026')).toBe(
			'forumul-national-al-asistentei-sociale-2026'
		);
		expect(slugFromTitle('Форум социальных работников')).toBe('forum-sotsialnykh-rabotnikov');
		expect(slugFromTitle('  <b>Hello</b>, world!  ')).toBe('b-hello-b-world');
	});
});
