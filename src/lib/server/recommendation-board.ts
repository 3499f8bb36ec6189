// The recommendation board's part of the session page: what its load reads and the form
// actions its forms post to. The page mounts them:
//
//     export const load = async (event) => ({ ..., board: await loadBoard(event) });
//     export const actions = { ...boardActions };
//
// Every action is a plain form post (the board works without JavaScript) that answers a
// refusal with `fail(status, { errors, values })`: the action's name and the
// recommendation's id travel in the values, so the page shows the message on the form
// that was sent, with what the person typed still in it.
import { error, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { LOCALES } from '$lib/domain/locale';
import {
	HIDE_REASON_MAX_LENGTH,
	RECOMMENDATION_MAX_LENGTH,
	boardView,
	viewBoard,
	type BoardView
} from '$lib/domain/recommendation-board';
import { readForm, type FormSubmission } from '$lib/forms';
import { DataError } from './errors';
import * as recommendations from './recommendations';

type BoardEvent = RequestEvent<{ event: string; session: string }>;

/** The fields the database's limits apply to, checked first here for a message per field. */
const text = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('recommendations.error.textEmpty'),
	v.maxLength(RECOMMENDATION_MAX_LENGTH, 'recommendations.error.textTooLong')
);
const language = v.picklist(LOCALES);
const id = v.pipe(v.string(), v.uuid());

const Schemas = {
	add: v.object({ intent: v.literal('add'), text, language }),
	promote: v.object({ intent: v.literal('promote'), text, language }),
	reword: v.object({ intent: v.literal('reword'), id, text, language }),
	endorse: v.object({ intent: v.literal('endorse'), id, endorse: v.picklist(['yes', 'no']) }),
	// "Merged" names the recommendation this one repeats; the other statuses need nothing more.
	status: v.pipe(
		v.object({
			intent: v.literal('status'),
			id,
			status: v.picklist(['proposed', 'accepted', 'merged', 'rejected']),
			target: v.optional(v.string(), '')
		}),
		v.forward(
			v.partialCheck(
				[['status'], ['target']],
				(input) => input.status !== 'merged' || input.target !== '',
				'recommendations.error.mergeTargetMissing'
			),
			['target']
		),
		v.forward(
			v.partialCheck(
				[['status'], ['target']],
				(input) => input.status !== 'merged' || input.target === '' || v.is(id, input.target),
				'recommendations.error.mergeTargetInvalid'
			),
			['target']
		)
	),
	hide: v.object({
		intent: v.literal('hide'),
		id,
		reason: v.pipe(
			v.string(),
			v.trim(),
			v.nonEmpty('recommendations.error.hideReasonInvalid'),
			v.maxLength(HIDE_REASON_MAX_LENGTH, 'recommendations.error.hideReasonTooLong')
		)
	}),
	unhide: v.object({ intent: v.literal('unhide'), id })
};

export interface BoardData {
	items: recommendations.BoardItem[];
	/** How many items each status filter shows, hidden ones apart. */
	total: number;
	view: BoardView;
	canRecommend: boolean;
	canCurate: boolean;
	canHide: boolean;
}

/** What loadBoard needs of the page's load event. */
type BoardLoadEvent = Pick<BoardEvent, 'locals' | 'params' | 'url'> & {
	depends(...dependencies: `${string}:${string}`[]): void;
};

/** The board for the session page's load; null for visitors and observers, who do not read it. */
export async function loadBoard(event: BoardLoadEvent): Promise<BoardData | null> {
	const { locals, params, url, depends } = event;
	depends('app:recommendations');
	const context = await locals.eventContext(params.event);
	if (!context) error(404, { message: 'Event not found' });
	const role = context.role;
	if (!role || role === 'observer') return null;
	const view = boardView(url.searchParams);
	const [all, curation] = await Promise.all([
		recommendations.board(locals.supabase, params.session),
		recommendations.curation(locals.supabase, params.session, role)
	]);
	return {
		items: viewBoard(all, view),
		total: all.filter((item) => item.hidden_at === null).length,
		view,
		canRecommend: context.can.recommend,
		...curation
	};
}

/** Runs a write; a database refusal goes back to the form as its translated message. */
async function attempt<S extends Parameters<typeof readForm>[1]>(
	form: FormSubmission<S>,
	write: () => Promise<unknown>,
	field: string = 'form'
) {
	try {
		await write();
		return null;
	} catch (cause) {
		if (!(cause instanceof DataError)) throw cause;
		const key = errorMessageKey(cause);
		// Text refusals belong to the text field; everything else to the whole form.
		const onField = key.startsWith('recommendations.error.text') ? 'text' : field;
		const message = { key, values: { limit: RECOMMENDATION_MAX_LENGTH } };
		// The field is one of the form's own (text, target, reason) or the whole form.
		const errors = { [onField]: message } as unknown as Parameters<typeof form.fail>[1];
		return form.fail(errorStatus(cause), errors);
	}
}

async function eventId(event: BoardEvent): Promise<string> {
	const context = await event.locals.eventContext(event.params.event);
	if (!context) error(404, { message: 'Event not found' });
	return context.event.id;
}

export const boardActions = {
	add: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.add);
		if (!form.valid) return form.fail();
		const input = { ...form.data, eventId: await eventId(event), sessionId: event.params.session };
		let created = '';
		const refused = await attempt(
			form,
			async () => (created = await recommendations.create(event.locals.supabase, input))
		);
		return refused ?? { intent: 'add' as const, added: created };
	},

	/** A passage of the notes, selected by the rapporteur, onto the board (see recommendations.promote). */
	promote: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.promote);
		if (!form.valid) return form.fail();
		const input = { ...form.data, eventId: await eventId(event), sessionId: event.params.session };
		let created = '';
		const refused = await attempt(
			form,
			async () => (created = await recommendations.promote(event.locals.supabase, input))
		);
		return refused ?? { intent: 'promote' as const, added: created };
	},

	reword: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.reword);
		if (!form.valid) return form.fail();
		const { id: target, text: words, language: lang } = form.data;
		return (await attempt(form, () => recommendations.reword(event.locals.supabase, target, words, lang))) ?? null;
	},

	endorse: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.endorse);
		if (!form.valid) return form.fail();
		const input = {
			eventId: await eventId(event),
			recommendationId: form.data.id,
			endorse: form.data.endorse === 'yes'
		};
		return (await attempt(form, () => recommendations.setEndorsement(event.locals.supabase, input))) ?? null;
	},

	status: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.status);
		if (!form.valid) return form.fail();
		const { id: source, status, target } = form.data;
		const supabase = event.locals.supabase;
		const refused =
			status === 'merged'
				? await attempt(form, () => recommendations.merge(supabase, source, target), 'target')
				: await attempt(form, () => recommendations.setStatus(supabase, source, status));
		return refused ?? null;
	},

	hide: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.hide);
		if (!form.valid) return form.fail();
		const { id: target, reason } = form.data;
		return (await attempt(form, () => recommendations.hide(event.locals.supabase, target, reason), 'reason')) ?? null;
	},

	unhide: async (event: BoardEvent) => {
		const form = await readForm(event.request, Schemas.unhide);
		if (!form.valid) return form.fail();
		return (await attempt(form, () => recommendations.unhide(event.locals.supabase, form.data.id))) ?? null;
	}
};
