// Downloads of the Call to Action: the live text, or a saved version (?version=), in one
// language (?lang=en|ro|ru) or all three side by side (?lang=all), as DOCX, PDF or
// Markdown (?format=). Whoever may read the document may download it (RLS on documents
// and versions decides; the live text is read by the server only after that check).
import { error } from '@sveltejs/kit';
import { format as formatStore } from 'svelte-i18n';
import { get } from 'svelte/store';
import { blocksOf, type Block, type PmNode } from '$lib/domain/cta/blocks';
import { INTL_LOCALE } from '$lib/domain/format';
import { localize } from '$lib/domain/translated';
import { isAllowedHref } from '$lib/domain/links';
import { isLanguage, liveBlocks, versionOf, type Language } from '$lib/server/cta/call-to-action';
import { toDocx } from '$lib/server/cta/export/docx';
import { toMarkdownFile } from '$lib/server/cta/export/markdown';
import { exportBlock, sideBySideRows, type ExportDocument } from '$lib/server/cta/export/model';
import { toPdf } from '$lib/server/cta/export/pdf';
import { documentPage, languagesOf } from '$lib/server/cta/page';
import type { RequestHandler } from './$types';

const TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	md: 'text/markdown; charset=utf-8'
} as const;

export const GET: RequestHandler = async ({ params, locals, url }) => {
	const format = url.searchParams.get('format') ?? 'docx';
	if (!(format in TYPES)) error(400, { message: 'Unknown format' });
	const { event, document } = await documentPage(locals, params);
	const master = document.master_language as Language;
	const all = languagesOf(event, master);
	const asked = url.searchParams.get('lang');
	const languages: Language[] = asked === 'all' ? all : isLanguage(asked) && all.includes(asked) ? [asked] : [master];

	const versionId = url.searchParams.get('version');
	const version = versionId ? await versionOf(locals.supabase, document.id, versionId) : null;
	if (versionId && !version) error(404, { message: 'Version not found' });
	const blocks = version
		? (Object.fromEntries(
				all.map((language) => {
					const stored = (version.content as Record<string, { node?: PmNode }[]>)[language] ?? [];
					return [language, blocksOf({ type: 'doc', content: stored.flatMap((b) => (b.node ? [b.node] : [])) })];
				})
			) as Record<Language, Block[]>)
		: await liveBlocks(document.id, all);

	const t = get(formatStore);
	const when = new Date(version?.created_at ?? (document.status === 'adopted' ? document.adopted_at! : Date.now()));
	const exported: ExportDocument = {
		fileName: `call-to-action-${asked === 'all' ? 'en-ro-ru' : languages[0]}${version ? '-' + version.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase() : ''}`,
		languages: languages.map((language) => {
			const date = new Intl.DateTimeFormat(INTL_LOCALE[language], {
				dateStyle: 'long',
				timeStyle: version ? 'short' : undefined,
				timeZone: event.timezone
			}).format(when);
			const header = version
				? `${t('cta.exportFile.version', { locale: language, values: { name: version.name } })} · ${date}`
				: document.status === 'adopted'
					? t('cta.exportFile.adoptedText', { locale: language, values: { date } })
					: t('cta.exportFile.liveText', { locale: language, values: { date } });
			return {
				language,
				title: localize(document.title, language, event.default_language).text,
				header,
				blocks: blocks[language].map((block) => exportBlock(block, isAllowedHref))
			};
		}),
		rows: languages.length > 1 ? sideBySideRows(master, languages, blocks, isAllowedHref) : []
	};
	const labels = Object.fromEntries(
		languages.map((language) => [language, t('cta.languageName', { locale: locals.locale, values: { language } })])
	);

	const body: Uint8Array | string =
		format === 'docx'
			? await toDocx(exported, labels)
			: format === 'pdf'
				? await toPdf(exported, labels)
				: toMarkdownFile(exported, labels);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': TYPES[format as keyof typeof TYPES],
			'content-disposition': `attachment; filename="${exported.fileName}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
};
