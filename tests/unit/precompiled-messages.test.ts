// The browser formats messages from trees parsed at build time; the server parses the
// same strings at run time. Both must say the same thing, in every language.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import type { Messages } from '../../src/lib/i18n/merge-messages.ts';
import { readMessages } from '../../src/lib/i18n/message-files.ts';
import { precompile } from '../../scripts/vite-precompiled-messages.ts';

const [en, ro, ru] = (['en', 'ro', 'ru'] as const).map(readMessages) as [Messages, Messages, Messages];

/** Values exercising every branch a message has: plural categories, select options. */
function sampleValues(elements: MessageFormatElement[], count: number): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	const visit = (list: MessageFormatElement[]) => {
		for (const element of list) {
			if (element.type === TYPE.plural || element.type === TYPE.number) values[element.value] = count;
			else if (element.type === TYPE.select) {
				const keys = Object.keys(element.options);
				values[element.value] = keys[count % keys.length];
			} else if (element.type === TYPE.date || element.type === TYPE.time) {
				values[element.value] = new Date(Date.UTC(2018, 10, 21, 9, 30));
			} else if (element.type === TYPE.argument) values[element.value] = `‹${element.value}›`;
			if ('options' in element) {
				for (const option of Object.values(element.options)) visit(option.value as MessageFormatElement[]);
			}
		}
	};
	visit(elements);
	return values;
}

describe.each([
	['en', en],
	['ro', ro],
	['ru', ru]
])('precompiled %s messages', (locale, messages) => {
	const trees = precompile(messages, locale);

	it('cover every message with ICU syntax', () => {
		const leaves = (node: unknown): string[] =>
			typeof node === 'string' ? [node] : Object.values(node as object).flatMap(leaves);
		const withSyntax = leaves(messages).filter((message) => /[{}']/.test(message));
		expect(withSyntax.length).toBeGreaterThan(10);
		expect(new Set(trees.map(([message]) => message))).toEqual(new Set(withSyntax));
	});

	it('format exactly as the run-time parser does', () => {
		for (const [message, tree] of trees) {
			const shipped = JSON.parse(JSON.stringify(tree)) as MessageFormatElement[];
			for (const count of [0, 1, 2, 5, 21, 1.5]) {
				const values = sampleValues(tree, count);
				const fromTree = new IntlMessageFormat(shipped, locale, undefined, { ignoreTag: true }).format(values);
				const fromString = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values);
				expect(fromTree, message).toEqual(fromString);
			}
		}
	});
});
