// Shared by the voting specs: people of the 2018 seed, signed in from the test the way any
// Supabase client signs in, and browser contexts in a language.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Browser, Page } from '@playwright/test';
import { BROWSER_LOCALE, type Locale } from './fixtures';
import { signInAs } from './sign-in-as';

export const SLUG = 'social-workforce-2018';
export const EVENT_ID = 'e0000000-0000-4000-8000-000000002018';

/** One delegate per language, each preferring that language in the seed. */
export const DELEGATES: Record<Locale, string> = {
	en: 'delegate.ge.1@accord.test',
	ro: 'delegate.md.1@accord.test',
	ru: 'delegate.by.1@accord.test'
};

export async function signedIn(
	browser: Browser,
	locale: Locale,
	email: string,
	options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}
): Promise<Page> {
	const context = await browser.newContext({ locale: BROWSER_LOCALE[locale], ...options });
	const page = await context.newPage();
	await signInAs(page, email, locale);
	return page;
}

/** A round on the seed's first indicators, opened, through the API as the organiser. */
export async function openRound(
	organiser: SupabaseClient,
	settings: { indicators?: number; allowBlock?: boolean; visibility?: 'live' | 'after_close'; mode?: string } = {}
): Promise<{ id: string; indicators: { id: string; code: string }[] }> {
	const { data: indicators, error: listError } = await organiser
		.from('indicators')
		.select('id, code')
		.eq('event_id', EVENT_ID)
		.order('position')
		.order('code')
		.limit(settings.indicators ?? 2);
	if (listError) throw listError;
	const { data: round, error } = await organiser
		.from('voting_rounds')
		.insert({
			event_id: EVENT_ID,
			title: { en: `Test round ${Date.now()}`, ro: 'Tur de vot de test', ru: 'Тестовый тур голосования' },
			mode: settings.mode ?? 'per_delegate',
			quorum_percent: 0,
			threshold_percent: 50,
			allow_block: settings.allowBlock ?? false,
			results_visibility: settings.visibility ?? 'live'
		})
		.select('id')
		.single();
	if (error) throw error;
	const added = await organiser
		.from('round_indicators')
		.insert(indicators.map((indicator, position) => ({ round_id: round.id, indicator_id: indicator.id, position })));
	if (added.error) throw added.error;
	const opened = await organiser.rpc('open_round', { round_id: round.id });
	if (opened.error) throw opened.error;
	return { id: round.id as string, indicators };
}

/** Serious and critical axe violations on the page (WCAG 2.2 AA and best practice). */
