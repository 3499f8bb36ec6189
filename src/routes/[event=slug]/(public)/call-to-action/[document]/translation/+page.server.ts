import { alignBlocks, countDrift } from '$lib/domain/cta/drift';
import { confirmTranslation, liveBlocks, startFromMaster, type Language } from '$lib/server/cta/call-to-action';
import { documentPage, languagesOf, refuse, textOf } from '$lib/server/cta/page';
import { isLanguage } from '$lib/server/cta/call-to-action';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

function translationLanguage(url: URL, languages: Language[], master: Language): Language {
	const asked = url.searchParams.get('lang');
	if (isLanguage(asked) && asked !== master && languages.includes(asked)) return asked;
	const first = languages.find((language) => language !== master);
	if (!first) error(404, { message: 'This document has no translation' });
	return first;
}

export const load = (async ({ params, locals, url, depends }) => {
	depends('app:cta-document', 'app:cta-text');
	const { event, document } = await documentPage(locals, params);
	const master = document.master_language as Language;
	const languages = languagesOf(event, master);
	const lang = translationLanguage(url, languages, master);
	const blocks = await liveBlocks(document.id, [master, lang]);
	const rows = alignBlocks(blocks[master], blocks[lang]);
	const context = await locals.eventContext(params.event);
	return {
		document,
		master,
		lang,
		languages,
		rows,
		counts: countDrift(rows),
		// Participants hear the document's private text topic (observers read it as it was).
		hearsText: (context?.role ?? 'observer') !== 'observer',
		canTranslate: document.status === 'drafting' && context?.can.editCallToAction === true
	};
}) satisfies PageServerLoad;

async function blockAction(
	request: Request,
	locals: App.Locals,
	params: { event: string; document: string },
	url: URL,
	run: typeof confirmTranslation
) {
	const { event, document } = await documentPage(locals, params);
	const data = await request.formData();
	const blockId = textOf(data, 'blockId');
	const master = document.master_language as Language;
	const language = translationLanguage(url, languagesOf(event, master), master);
	const formId = `block-${blockId}`;
	try {
		await run(locals.supabase, { document, language, blockId });
	} catch (cause) {
		return refuse(formId, cause);
	}
	return { formId, done: run === confirmTranslation ? 'cta.drift.confirmed' : 'cta.drift.started' };
}

export const actions = {
	confirm: ({ request, locals, params, url }) => blockAction(request, locals, params, url, confirmTranslation),
	start: ({ request, locals, params, url }) => blockAction(request, locals, params, url, startFromMaster)
} satisfies Actions;
