// Vite plugin, browser build only: ships the reader's messages already parsed, so the
// browser bundle carries no ICU parser (about 9 KiB gzipped of a read-only page's
// JavaScript). This is formatjs' own advice — precompile messages and drop the parser —
// adapted to svelte-i18n, which only takes strings: each locale chunk registers the
// abstract syntax trees of its messages, and the parser intl-messageformat imports is
// replaced by a lookup in them. The server and `vite dev` keep the real parser.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const PARSER = '@formatjs/icu-messageformat-parser';
const LOOKUP = '\0accord:precompiled-icu';
const LOCALE_CHUNK = '\0accord:messages:';
const LOCALE_FILE = /\/src\/lib\/i18n\/locales\/(\w+)\/[\w-]+\.json$/;

/** Messages that need parsing: any ICU syntax at all (arguments, escapes). */
const needsParsing = (message: string) => /[{}']/.test(message);

function* leaves(node: unknown): Generator<string> {
	if (typeof node === 'string') yield node;
	else if (node && typeof node === 'object') for (const child of Object.values(node)) yield* leaves(child);
}

// The lookup stands in for the parser module: the same element types and guards (from the
// package's own types module), and a `parse` that answers from the registered trees.
const lookupModule = `
export * from '${PARSER}/lib/types.js';
const trees = new Map();
export function remember(entries) { for (const [message, tree] of entries) trees.set(message, tree); }
export function parse(message) {
	const tree = trees.get(message);
	if (tree) return tree;
	if (!/[{}']/.test(message)) return [{ type: 0, value: message }];
	throw new Error('Message not precompiled for the browser: ' + message);
}`;

/** The trees the browser needs for one locale's messages, as svelte-i18n formats them. */
export function precompile(messages: unknown, locale: string): [string, MessageFormatElement[]][] {
	// svelte-i18n's default `ignoreTag: true`: tags in messages are text.
	return [...new Set(leaves(messages))]
		.filter(needsParsing)
		.map((message) => [message, parse(message, { ignoreTag: true, locale: new Intl.Locale(locale) })]);
}

export function precompiledMessages(): Plugin {
	return {
		name: 'accord-precompiled-messages',
		apply: 'build',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (options?.ssr || !importer) return null;
			if (source === LOOKUP) return LOOKUP;
			if (source === PARSER && importer.includes('/node_modules/intl-messageformat/')) return LOOKUP;
			if (source.endsWith('.json')) {
				const resolved = await this.resolve(source, importer, { skipSelf: true, ...options });
				// Not ending in .json, so Vite's JSON plugin leaves the module to this one.
				if (resolved && LOCALE_FILE.test(resolved.id)) return `${LOCALE_CHUNK}${resolved.id}.js`;
			}
			return null;
		},
		async load(id) {
			if (id === LOOKUP) return lookupModule;
			if (!id.startsWith(LOCALE_CHUNK)) return null;
			const file = id.slice(LOCALE_CHUNK.length, -'.js'.length);
			const locale = path.basename(path.dirname(file));
			const messages: unknown = JSON.parse(await readFile(file, 'utf8'));
			const trees = JSON.stringify(precompile(messages, locale));
			return `import { remember } from '${LOOKUP}';\nremember(${trees});\nexport default ${JSON.stringify(messages)};`;
		}
	};
}
