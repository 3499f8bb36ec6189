import * as v from 'valibot';
import { alignBlocks, countDrift, type DriftCounts } from '$lib/domain/cta/drift';
import type { Block } from '$lib/domain/cta/blocks';
import {
	amendmentsOf,
	decideAmendment,
	endorse,
	linkableRecommendations,
	linkRecommendation,
	liveBlocks,
	proposeAmendment,
	provenanceOf,
	saveVersion,
	setStatus,
	versionsOf,
	type Language
} from '$lib/server/cta/call-to-action';
import { blocksToMarkdown } from '$lib/server/cta/markdown';
import { LiveTextUnavailable } from '$lib/server/cta/live-text';
import { chosenLanguage, documentPage, languagesOf, refuse, textOf } from '$lib/server/cta/page';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const STATUSES = ['drafting', 'amendments', 'frozen', 'adopted'] as const;

export const load = (async ({ params, locals, url, depends }) => {
	depends('app:cta-document');
	const { event, document } = await documentPage(locals, params);
	const context = await locals.eventContext(params.event);
	const master = document.master_language as Language;
	const languages = languagesOf(event, master);
	const lang = chosenLanguage(url, languages, locals.locale);
	const isOrganiser = context?.role === 'organiser';

	let blocks: Partial<Record<Language, Block[]>> = {};
	let liveUnavailable = false;
	try {
		blocks = await liveBlocks(document.id, languages);
	} catch (cause) {
		if (!(cause instanceof LiveTextUnavailable)) throw cause;
		liveUnavailable = true;
	}
	const masterBlocks = blocks[master] ?? [];
	const drift: { language: Language; counts: DriftCounts }[] = languages
		.filter((language) => language !== master)
		.map((language) => ({ language, counts: countDrift(alignBlocks(masterBlocks, blocks[language] ?? [])) }));

	const [amendments, provenance, versions, recommendations, memberId] = await Promise.all([
		amendmentsOf(locals.supabase, document.id),
		provenanceOf(locals.supabase, document.id),
		versionsOf(locals.supabase, document.id),
		isOrganiser ? linkableRecommendations(locals.supabase, event.id) : Promise.resolve([]),
		locals.user ? locals.supabase.rpc('my_member_id', { event_id: event.id }).then((r) => r.data ?? null) : null
	]);

	// The name others see beside the language the reader has open (who is here).
	const myName = memberId
		? ((await locals.supabase.from('members').select('display_name').eq('id', memberId).maybeSingle()).data
				?.display_name ?? null)
		: null;

	// The paragraph each linked recommendation shaped, in the language read (else the master's).
	const paragraphText: Record<string, string> = {};
	for (const block of [...masterBlocks, ...(blocks[lang] ?? [])]) if (block.id) paragraphText[block.id] = block.text;

	return {
		document,
		paragraphText,
		languages,
		lang,
		master,
		blocks: blocks[lang] ?? [],
		drift,
		liveUnavailable,
		amendments,
		provenance,
		versions,
		recommendations,
		memberId,
		myName,
		role: context?.role ?? null
	};
}) satisfies PageServerLoad;

const VersionForm = v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)) });

export const actions = {
	setStatus: async ({ request, locals, params }) => {
		const { document } = await documentPage(locals, params);
		const status = textOf(await request.formData(), 'status');
		if (!(STATUSES as readonly string[]).includes(status)) {
			return fail(400, { formId: 'status', message: 'error.data.invalid', values: {} });
		}
		try {
			await setStatus(locals.supabase, document.id, status as (typeof STATUSES)[number]);
		} catch (cause) {
			return refuse('status', cause);
		}
		return { formId: 'status', done: 'cta.mode.changed' };
	},

	saveVersion: async ({ request, locals, params }) => {
		const { document } = await documentPage(locals, params);
		const data = await request.formData();
		const values = { name: textOf(data, 'name') };
		const parsed = v.safeParse(VersionForm, values);
		if (!parsed.success) return fail(400, { formId: 'version', message: 'form.error.required', values });
		try {
			await saveVersion(locals.supabase, {
				documentId: document.id,
				name: parsed.output.name,
				userId: locals.user?.id ?? '',
				toMarkdown: blocksToMarkdown
			});
		} catch (cause) {
			return refuse('version', cause, values);
		}
		return { formId: 'version', done: 'cta.version.saved' };
	},

	propose: async ({ request, locals, params }) => {
		const { document } = await documentPage(locals, params);
		const data = await request.formData();
		const values = {
			blockId: textOf(data, 'blockId'),
			language: textOf(data, 'language'),
			text: textOf(data, 'text'),
			reason: textOf(data, 'reason')
		};
		const formId = `propose-${values.blockId}`;
		if (!['en', 'ro', 'ru'].includes(values.language) || values.text.length > 20000 || values.reason.length > 2000) {
			return fail(400, { formId, message: 'error.data.invalid', values });
		}
		try {
			await proposeAmendment(locals.supabase, {
				documentId: document.id,
				language: values.language as Language,
				blockId: values.blockId,
				text: values.text.trim(),
				reason: values.reason
			});
		} catch (cause) {
			return refuse(formId, cause, values);
		}
		return { formId, done: 'cta.amend.proposed' };
	},

	endorse: async ({ request, locals, params }) => {
		const { event } = await documentPage(locals, params);
		const data = await request.formData();
		const amendmentId = textOf(data, 'amendmentId');
		const formId = `amendment-${amendmentId}`;
		try {
			await endorse(locals.supabase, amendmentId, event.id, textOf(data, 'endorse') === 'yes');
		} catch (cause) {
			return refuse(formId, cause);
		}
		return { formId };
	},

	decide: async ({ request, locals, params }) => {
		const { document } = await documentPage(locals, params);
		const data = await request.formData();
		const amendmentId = textOf(data, 'amendmentId');
		const values = { reason: textOf(data, 'reason') };
		const accept = textOf(data, 'decision') === 'accept';
		const formId = `amendment-${amendmentId}`;
		try {
			await decideAmendment(locals.supabase, { documentId: document.id, amendmentId, accept, reason: values.reason });
		} catch (cause) {
			return refuse(formId, cause, values);
		}
		return { formId, done: accept ? 'cta.amend.accepted' : 'cta.amend.rejected' };
	},

	link: async ({ request, locals, params }) => {
		const { document } = await documentPage(locals, params);
		const data = await request.formData();
		const blockId = textOf(data, 'blockId');
		const formId = `link-${blockId}`;
		try {
			await linkRecommendation(locals.supabase, {
				documentId: document.id,
				recommendationId: textOf(data, 'recommendationId'),
				blockId: textOf(data, 'unlink') === 'yes' ? null : blockId
			});
		} catch (cause) {
			return refuse(formId, cause);
		}
		return { formId, done: 'cta.provenance.linked' };
	}
} satisfies Actions;
