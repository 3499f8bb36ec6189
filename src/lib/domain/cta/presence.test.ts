import { describe, expect, it } from 'vitest';
import { initials, peopleHere } from './presence';

describe('who is here', () => {
	it('lists everyone else once per language, checked, sorted by name', () => {
		const state = {
			a: [{ userId: 'u-ana', name: 'Ana Popescu', color: '#1d4ed8', language: 'ro' }],
			b: [
				{ userId: 'u-ivan', name: 'Иван Петров', color: 'red; background: url(x)', language: 'ru' },
				{ userId: 'u-ivan', name: 'Иван Петров', color: '#b91c1c', language: 'ru' }
			],
			c: [{ userId: 'u-me', name: 'Me', color: '#047857', language: 'en' }],
			d: [{ userId: 'u-ana', name: 'Ana Popescu', color: '#1d4ed8', language: 'en' }],
			e: [{ userId: 'u-bad', name: 'Bad', language: 'fr' }, 'nonsense', null]
		};
		const people = peopleHere(state, 'u-me');
		expect(people.map((p) => `${p.name}/${p.language}`)).toEqual([
			'Ana Popescu/en',
			'Ana Popescu/ro',
			'Иван Петров/ru'
		]);
		expect(people.every((p) => /^#[0-9a-f]{6}$/i.test(p.color))).toBe(true);
	});

	it('makes initials of any script', () => {
		expect(initials('Ana  Popescu')).toBe('AP');
		expect(initials('иван петров сидоров')).toBe('ИП');
		expect(initials('Ștefan')).toBe('Ș');
	});
});
