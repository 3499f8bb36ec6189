import { blocksOf, type Block, type PmNode } from '$lib/domain/cta/blocks';
import { changeCounts, compareBlocks } from '$lib/domain/cta/version-diff';
import { liveBlocks, versionOf, versionsOf, type Language } from '$lib/server/cta/call-to-action';
import { chosenLanguage, documentPage, languagesOf } from '$lib/server/cta/page';
import type { PageServerLoad } from './$types';

/** The blocks a version kept for one language (re-read from their nodes, so hashes are today's). */
function versionBlocks(content: unknown, language: Language): Block[] {
	const stored = (content as Record<string, { node?: PmNode }[] | undefined> | null)?.[language] ?? [];
	return blocksOf({ type: 'doc', content: stored.flatMap((block) => (block.node ? [block.node] : [])) });
}

export const load = (async ({ params, locals, url }) => {
	const { event, document } = await documentPage(locals, params);
	const master = document.master_language as Language;
	const languages = languagesOf(event, master);
	const lang = chosenLanguage(url, languages, locals.locale);
	const versions = await versionsOf(locals.supabase, document.id);
	const fromId = url.searchParams.get('from') ?? versions[0]?.id ?? null;
	const toId = url.searchParams.get('to') ?? 'live';

	let comparison = null;
	if (fromId && fromId !== toId) {
		const [from, to] = await Promise.all([
			versionOf(locals.supabase, document.id, fromId),
			toId === 'live' ? null : versionOf(locals.supabase, document.id, toId)
		]);
		if (from && (to || toId === 'live')) {
			const before = versionBlocks(from.content, lang);
			const after = to ? versionBlocks(to.content, lang) : (await liveBlocks(document.id, [lang]))[lang];
			const rows = compareBlocks(before, after).map(({ id, change, segments, after: now, before: then }) => ({
				id,
				change,
				segments,
				type: (now ?? then)?.type ?? 'paragraph'
			}));
			comparison = { rows, counts: changeCounts(rows) };
		}
	}
	return { document, languages, lang, versions, fromId, toId, comparison };
}) satisfies PageServerLoad;
