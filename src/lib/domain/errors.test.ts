import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../i18n/merge-messages.ts';
import { readMessages } from '../i18n/message-files.ts';
import { HINT_MESSAGES, errorMessageKey, errorStatus, type MessageKey } from './errors.ts';

const [en, ro, ru] = (['en', 'ro', 'ru'] as const).map(readMessages) as [Messages, Messages, Messages];

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../supabase/migrations');

/** Every `hint = '<snake_case>'` a migration raises. */
function hintsInMigrations(): string[] {
	const hints = readdirSync(MIGRATIONS)
		.filter((file) => file.endsWith('.sql'))
		.flatMap((file) =>
			[...readFileSync(path.join(MIGRATIONS, file), 'utf8').matchAll(/\bhint\s*=\s*'([a-z_]+)'/g)].map(
				(match) => match[1]!
			)
		);
	return [...new Set(hints)].sort();
}

function message(locale: unknown, key: string): unknown {
	return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale);
}

describe('errorMessageKey', () => {
	it('has a message for every hint the migrations raise', () => {
		const hints = hintsInMigrations();
		expect(hints.length).toBeGreaterThan(10);
		expect(hints.filter((hint) => !(hint in HINT_MESSAGES))).toEqual([]);
	});

	it.each([
		// A hint wins over the code it came with.
		[{ code: 'AC010', hint: 'last_organiser', status: 400 }, 'error.data.lastOrganiser'],
		[{ code: '42501', hint: 'not_a_delegate', status: 403 }, 'error.data.notADelegate'],
		[{ code: 'AC001', hint: 'round_not_open', status: 400 }, 'error.data.roundNotOpen'],
		// RLS refusing a row, by SQLSTATE.
		[{ code: '42501', hint: null, status: 403 }, 'error.data.forbidden'],
		[{ code: '23505', status: 409 }, 'error.data.duplicate'],
		[{ code: '23503', status: 409 }, 'error.data.reference'],
		[{ code: '23514', status: 400 }, 'error.data.invalid'],
		[{ code: '57014', status: 500 }, 'error.data.timeout'],
		[{ code: 'PGRST116', status: 406 }, 'error.data.notFound'],
		[{ code: 'PGRST301', status: 401 }, 'error.data.sessionExpired'],
		// PostgREST's own hints are English advice, not reasons: the code decides.
		[{ code: 'PGRST200', hint: "Try changing 'x' to one of the following", status: 400 }, 'error.data.unexpected'],
		[{ code: '', status: 429 }, 'error.data.rateLimited'],
		[{ code: '', status: 0 }, 'error.data.offline'],
		// A hint that only looks like ours (an inherited property) is not one.
		[{ hint: 'constructor', status: 500 }, 'error.data.unexpected'],
		[{}, 'error.data.unexpected']
	] as const)('%o reads as %s', (error, key) => {
		expect(errorMessageKey(error)).toBe(key);
	});

	it('has every message in English, Romanian and Russian', () => {
		const keys = new Set<MessageKey>([
			...Object.values(HINT_MESSAGES),
			...['42501', '23505', '23503', '23514', '57014', 'PGRST116', 'PGRST301', 'PGRST000'].map((code) =>
				errorMessageKey({ code })
			),
			...[0, 429, 500].map((status) => errorMessageKey({ status }))
		]);
		for (const key of keys) {
			for (const [name, locale] of Object.entries({ en, ro, ru })) {
				expect(typeof message(locale, key), `${name}:${key}`).toBe('string');
			}
		}
	});
});

describe('errorStatus', () => {
	it('keeps the status the server answered with', () => {
		expect(errorStatus({ code: 'AC010', hint: 'last_organiser', status: 400 })).toBe(400);
		expect(errorStatus({ code: '42501', status: 403 })).toBe(403);
	});

	it('derives one from the reason when there is none', () => {
		expect(errorStatus({ hint: 'not_an_organiser' })).toBe(403);
		expect(errorStatus({ hint: 'round_not_found' })).toBe(404);
		expect(errorStatus({ hint: 'round_not_open' })).toBe(400);
		expect(errorStatus({})).toBe(500);
	});
});
