// Every e2e test fails if the page logged an error or threw: a console error is a bug a
// person would not see but would suffer from.
import { test as base, expect, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Messages } from '../../src/lib/i18n/merge-messages.ts';
import { readMessages } from '../../src/lib/i18n/message-files.ts';

const [en, ro, ru] = (['en', 'ro', 'ru'] as const).map(readMessages) as [Messages, Messages, Messages];

export const messages = { en, ro, ru } as const;
export type Locale = keyof typeof messages;
export const LOCALES = Object.keys(messages) as Locale[];

/** The browser's own language setting per locale, which it sends as Accept-Language. */
export const BROWSER_LOCALE: Record<Locale, string> = { en: 'en-GB', ro: 'ro-RO', ru: 'ru-RU' };

/** A message by dotted key, formatted as the app formats it (plurals, selects, numbers). */
export function t(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
	let node: unknown = messages[locale];
	for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
	if (typeof node !== 'string') throw new Error(`No message ${locale}:${key}`);
	return String(new IntlMessageFormat(node, locale, undefined, { ignoreTag: true }).format(values));
}

export const test = base.extend<{ consoleErrors: string[]; allowedConsoleErrors: RegExp[] }>({
	/** Console errors a test expects, e.g. the browser reporting the 404 of a missing page. */
	allowedConsoleErrors: [[], { option: true }],
	consoleErrors: [
		async ({ page, allowedConsoleErrors }, use) => {
			const errors: string[] = [];
			page.on('console', (message) => {
				// svelte-i18n only warns when a message is missing or cannot be formatted, and
				// then shows the raw key or ICU source to the reader: as bad as an error.
				const i18nWarning = message.type() === 'warning' && message.text().startsWith('[svelte-i18n]');
				if (message.type() !== 'error' && !i18nWarning) return;
				if (allowedConsoleErrors.some((allowed) => allowed.test(message.text()))) return;
				errors.push(message.text());
			});
			page.on('pageerror', (error) => errors.push(error.message));
			await use(errors);
			expect(errors, 'console errors on the page').toEqual([]);
		},
		{ auto: true }
	]
});

/**
 * Waits until the page's code has taken over the server-rendered page (the root layout marks
 * it): a click before that may land on markup that hydration then puts back as it was.
 */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForFunction(() => performance.getEntriesByName('accord:hydrated').length > 0);
}

export { expect };
