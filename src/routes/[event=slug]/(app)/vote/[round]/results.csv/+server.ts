// The results of a round as CSV, in the reader's language, for whoever may see them:
// round_tally decides (results after close stay hidden until then, to organisers too).
import { error } from '@sveltejs/kit';
import Papa from 'papaparse';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { localize } from '$lib/domain/translated';
import { breakdownOf, CHOICE_KEYS, CHOICES, outcomeKey } from '$lib/domain/voting';
import { useLocale } from '$lib/i18n';
import { eventOf } from '$lib/server/event-context';
import * as voting from '$lib/server/voting';
import type { RequestHandler } from './$types';

export const GET = (async ({ params, locals }) => {
	const event = await eventOf(locals, params.event);
	await voting.settle(locals.supabase, event.id, params.round).catch(() => undefined);
	const round = await voting.round(locals.supabase, event.id, params.round);
	if (!round) error(404, { message: 'Voting round not found' });
	const tally = await voting.tally(locals.supabase, round.id);
	if (!tally) error(403, { message: 'The results of this round are shown when it closes' });

	// From here on synchronous: the shared i18n store stays in this request's language.
	const locale = locals.locale;
	useLocale(locale);
	const t = get(_);
	const titles = new Map(round.indicators.map((indicator) => [indicator.id, indicator.title]));
	const header = [
		t('voting.csv.code'),
		t('voting.csv.indicator'),
		t('voting.csv.country'),
		t('voting.csv.eligible'),
		t('voting.csv.turnout'),
		...CHOICES.map((choice) => t(CHOICE_KEYS[choice])),
		t('voting.csv.outcome')
	];
	const rows: (string | number)[][] = [];
	for (const row of tally) {
		const title = localize(titles.get(row.indicator_id), locale, event.default_language).text;
		rows.push([
			row.code,
			title,
			t('voting.csv.allCountries'),
			row.eligible,
			row.turnout,
			row.agree,
			row.reservations,
			row.disagree,
			row.abstain,
			row.block,
			t(outcomeKey(row.outcome))
		]);
		// per country, as round_tally gives it (turnout only in a secret ballot)
		for (const entry of breakdownOf(row.by_country)) {
			rows.push([
				row.code,
				title,
				entry.country ?? t('voting.tally.noCountry'),
				entry.eligible,
				entry.turnout,
				entry.agree ?? '',
				entry.reservations ?? '',
				entry.disagree ?? '',
				entry.abstain ?? '',
				entry.block ?? '',
				''
			]);
		}
	}
	// A byte-order mark so spreadsheet programs read Romanian and Russian as UTF-8.
	const body = '\uFEFF' + Papa.unparse({ fields: header, data: rows });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="results-${round.id.slice(0, 8)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
