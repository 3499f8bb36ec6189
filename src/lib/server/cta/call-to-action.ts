// What the Call to Action pages do on the server: read a document with its amendments,
// versions and provenance (RLS decides what the caller sees), read the live text of each
// language, and make the changes only the server makes to the live text — an accepted
// amendment, a translator's confirmation, a block started from the master — after the
// database has said the caller may.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import type { Block, PmNode } from '$lib/domain/cta/blocks';
import { SOURCE_HASH_ATTR, SOURCE_TEXT_ATTR, blocksOf, translationOf, withText } from '$lib/domain/cta/blocks';
import { DataError, unwrap } from '../errors';
import type { Language } from './live-text';
import { LANGUAGES, docName, readLiveTexts, withLiveText } from './live-text';
import { blockIndex, fragmentJson, insertBlock, replaceBlock, setBlockAttributes } from './yjs-blocks';

type Client = SupabaseClient<Database>;

export type { Language };
export { LANGUAGES };

/** A refusal the page explains with one of its own messages (`calltoaction.errors.*`). */
export class CallToActionRefusal extends Error {
	readonly messageKey: string;
	constructor(messageKey: string) {
		super(messageKey);
		this.messageKey = messageKey;
	}
}

export const isLanguage = (value: string | null | undefined): value is Language =>
	value === 'en' || value === 'ro' || value === 'ru';

/** The document as the caller may read it; null when they may not. */
export async function documentOf(supabase: Client, eventId: string, documentId: string) {
	const { data, error } = await supabase
		.from('documents')
		.select('id, event_id, title, status, master_language, adopted_at, updated_at')
		.eq('id', documentId)
		.eq('event_id', eventId)
		.maybeSingle();
	if (error) throw new DataError('callToAction.document', error);
	return data;
}

export type CallToActionDocument = NonNullable<Awaited<ReturnType<typeof documentOf>>>;

export async function amendmentsOf(supabase: Client, documentId: string) {
	const { data, error } = await supabase
		.from('amendments')
		.select(
			'id, block_id, language, proposed_text, reason, status, decision_reason, decided_at, created_at, author_id, members!amendments_author_id_fkey(display_name), amendment_endorsements(member_id)'
		)
		.eq('document_id', documentId)
		.order('created_at');
	// Visitors and observers of an adopted document may not read amendments: none to show.
	if (error) return [];
	return data ?? [];
}

export async function versionsOf(supabase: Client, documentId: string) {
	return unwrap(
		'callToAction.versions',
		await supabase
			.from('document_versions')
			.select('id, name, created_at')
			.eq('document_id', documentId)
			.order('created_at', { ascending: false })
	);
}

export async function versionOf(supabase: Client, documentId: string, versionId: string) {
	const { data, error } = await supabase
		.from('document_versions')
		.select('id, name, created_at, body, content')
		.eq('document_id', documentId)
		.eq('id', versionId)
		.maybeSingle();
	if (error) throw new DataError('callToAction.version', error);
	return data;
}

/** Recommendations merged into a block of this document, with their session (provenance). */
export async function provenanceOf(supabase: Client, documentId: string) {
	const { data, error } = await supabase
		.from('recommendations')
		.select('id, text, language, merged_block_id, session_id, sessions(title), recommendation_endorsements(member_id)')
		.eq('document_id', documentId)
		.eq('status', 'merged');
	if (error) return [];
	return data ?? [];
}

/** Recommendations an organiser may link to a block: accepted (or already merged) ones of the event. */
export async function linkableRecommendations(supabase: Client, eventId: string) {
	const { data, error } = await supabase
		.from('recommendations')
		.select('id, text, status, sessions!inner(title, event_id)')
		.eq('sessions.event_id', eventId)
		.in('status', ['accepted', 'merged'])
		.order('created_at');
	if (error) return [];
	return data ?? [];
}

/** Live blocks of the languages asked for. */
export async function liveBlocks(documentId: string, languages: readonly Language[]) {
	const texts = await readLiveTexts(documentId, languages);
	return Object.fromEntries(languages.map((language) => [language, blocksOf(texts[language])])) as Record<
		Language,
		Block[]
	>;
}

async function accessTo(supabase: Client, documentId: string, language: Language): Promise<string> {
	const { data, error } = await supabase.rpc('my_collab_access', { doc: docName(documentId, language) });
	if (error) throw new DataError('callToAction.access', error);
	return data ?? 'none';
}

async function requireWrite(supabase: Client, documentId: string, language: Language): Promise<void> {
	if ((await accessTo(supabase, documentId, language)) !== 'write') {
		throw new CallToActionRefusal('cta.errors.readOnly');
	}
}

/** A delegate proposes replacement text for one block; refused when the block is gone. */
export async function proposeAmendment(
	supabase: Client,
	input: { documentId: string; language: Language; blockId: string; text: string; reason: string }
): Promise<string> {
	const exists = await withLiveText(
		input.documentId,
		input.language,
		(_doc, fragment) => blockIndex(fragment, input.blockId) >= 0
	);
	if (!exists) throw new CallToActionRefusal('cta.errors.blockMissing');
	return unwrap(
		'callToAction.propose',
		await supabase.rpc('propose_amendment', {
			document_id: input.documentId,
			block_id: input.blockId,
			language: input.language,
			proposed_text: input.text,
			reason: input.reason
		})
	);
}

/** Opens the live text of a language and changes it (withLiveText; a stand-in in tests). */
export type LiveTextEdit = typeof withLiveText;

/** What an accepted amendment replaced, to put back if its decision cannot be recorded. */
interface AppliedAmendment {
	blockId: string;
	index: number;
	before: PmNode;
}

/**
 * An organiser decides, all or nothing. The database is asked first whether the decision
 * may be made (check_amendment_decision raises what decide_amendment would); an accepted
 * amendment is then written into the live text of its language — the block keeps its id
 * (and, in a translation, its source), so translations of a master block turn outdated by
 * themselves; an empty text removes the block — and only once the text holds it is the
 * decision recorded. A failed apply (the block gone, the collab endpoint silent) records
 * nothing: the amendment stays proposed. A decision refused after the apply (another
 * organiser decided, the mode changed in between) puts the block back as it was.
 */
export async function decideAmendment(
	supabase: Client,
	input: { documentId: string; amendmentId: string; accept: boolean; reason: string },
	edit: LiveTextEdit = withLiveText
): Promise<void> {
	const { data: amendment, error } = await supabase
		.from('amendments')
		.select('id, block_id, language, proposed_text, status')
		.eq('id', input.amendmentId)
		.eq('document_id', input.documentId)
		.maybeSingle();
	if (error) throw new DataError('callToAction.amendment', error);
	if (!amendment) throw new CallToActionRefusal('cta.errors.amendmentGone');
	const decision = { amendment_id: input.amendmentId, accept: input.accept, reason: input.reason };
	// Answers nothing when the decision may be made (unwrap would call that an error).
	const check = await supabase.rpc('check_amendment_decision', decision);
	if (check.error) throw new DataError('callToAction.decide', { ...check.error, status: check.status });
	const record = async () => unwrap('callToAction.decide', await supabase.rpc('decide_amendment', decision));
	if (!input.accept) {
		await record();
		return;
	}

	const language = amendment.language as Language;
	// Set inside the edit; typed wide so the checks after it are not narrowed away.
	let applied = null as AppliedAmendment | null;
	try {
		await edit(input.documentId, language, (_doc, fragment) => {
			const index = blockIndex(fragment, amendment.block_id);
			if (index < 0) return;
			const before = fragmentJson(fragment).content![index]!;
			const [block] = blocksOf({ type: 'doc', content: [before] });
			if (!block) return;
			if (amendment.proposed_text.trim() === '') fragment.delete(index, 1);
			else replaceBlock(fragment, index, withText(block, amendment.proposed_text));
			applied = { blockId: amendment.block_id, index, before };
		});
	} catch (cause) {
		// Sent but not confirmed stored: it may yet be, so put the block back before refusing.
		if (applied) await restoreBlock(edit, input.documentId, language, applied).catch(() => {});
		throw cause;
	}
	if (!applied) throw new CallToActionRefusal('cta.errors.notApplied');
	try {
		await record();
	} catch (cause) {
		await restoreBlock(edit, input.documentId, language, applied);
		throw cause;
	}
}

/** Puts a block back as it was before an amendment whose decision was not recorded. */
async function restoreBlock(edit: LiveTextEdit, documentId: string, language: Language, applied: AppliedAmendment) {
	await edit(documentId, language, (_doc, fragment) => {
		const index = blockIndex(fragment, applied.blockId);
		if (index >= 0) replaceBlock(fragment, index, applied.before);
		else insertBlock(fragment, applied.index, applied.before);
	});
}

/** The translator says a translated block is up to date with its master block. */
export async function confirmTranslation(
	supabase: Client,
	input: { document: CallToActionDocument; language: Language; blockId: string }
): Promise<void> {
	const master = input.document.master_language as Language;
	await requireWrite(supabase, input.document.id, input.language);
	const masterBlock = (await liveBlocks(input.document.id, [master]))[master].find(
		(block) => block.id === input.blockId
	);
	if (!masterBlock) throw new CallToActionRefusal('cta.errors.blockMissing');
	const found = await withLiveText(input.document.id, input.language, (_doc, fragment) => {
		const index = blockIndex(fragment, input.blockId);
		if (index < 0) return false;
		setBlockAttributes(fragment, index, { [SOURCE_HASH_ATTR]: masterBlock.hash, [SOURCE_TEXT_ATTR]: masterBlock.text });
		return true;
	});
	if (!found) throw new CallToActionRefusal('cta.errors.blockMissing');
}

/**
 * A block missing from a translation, started from the master's text: inserted after the
 * translation's copy of the nearest preceding master block, with the master as its
 * source but its hash cleared, so it shows as outdated until the translator confirms it.
 */
export async function startFromMaster(
	supabase: Client,
	input: { document: CallToActionDocument; language: Language; blockId: string }
): Promise<void> {
	const master = input.document.master_language as Language;
	await requireWrite(supabase, input.document.id, input.language);
	const masterBlocks = (await liveBlocks(input.document.id, [master]))[master];
	const position = masterBlocks.findIndex((block) => block.id === input.blockId);
	if (position < 0) throw new CallToActionRefusal('cta.errors.blockMissing');
	const masterBlock = masterBlocks[position]!;
	const previousIds = masterBlocks
		.slice(0, position)
		.map((block) => block.id)
		.reverse();
	await withLiveText(input.document.id, input.language, (_doc, fragment) => {
		if (blockIndex(fragment, input.blockId) >= 0) return;
		let at = 0;
		for (const id of previousIds) {
			const index = id ? blockIndex(fragment, id) : -1;
			if (index >= 0) {
				at = index + 1;
				break;
			}
		}
		const copy: PmNode = translationOf(masterBlock);
		copy.attrs = { ...copy.attrs, [SOURCE_HASH_ATTR]: null };
		insertBlock(fragment, at, copy);
	});
}

/** Saves the live text of every language as a named version (Markdown and blocks). */
export async function saveVersion(
	supabase: Client,
	input: { documentId: string; name: string; userId: string; toMarkdown: (blocks: Block[]) => string }
): Promise<void> {
	const blocks = await liveBlocks(input.documentId, LANGUAGES);
	const body: Record<string, string> = {};
	const content: Record<string, unknown> = {};
	for (const language of LANGUAGES) {
		body[language] = input.toMarkdown(blocks[language]);
		content[language] = blocks[language].map(({ node, ...rest }) => ({ ...rest, node }));
	}
	// A version of an empty document still needs one non-blank language.
	if (Object.values(body).every((text) => text.trim() === '')) body.en = '—';
	unwrap(
		'callToAction.saveVersion',
		await supabase
			.from('document_versions')
			.insert({
				document_id: input.documentId,
				name: input.name,
				body,
				content: content as never,
				created_by: input.userId
			})
			.select('id')
			.single()
	);
}

export async function setStatus(
	supabase: Client,
	documentId: string,
	status: Database['public']['Enums']['document_status']
) {
	unwrap('callToAction.setStatus', await supabase.rpc('set_document_status', { document_id: documentId, status }));
}

export async function endorse(supabase: Client, amendmentId: string, eventId: string, endorse: boolean) {
	const { data: memberId } = await supabase.rpc('my_member_id', { event_id: eventId });
	if (!memberId) throw new CallToActionRefusal('cta.errors.readOnly');
	if (endorse) {
		const { error } = await supabase
			.from('amendment_endorsements')
			.insert({ amendment_id: amendmentId, member_id: memberId });
		if (error && error.code !== '23505') throw new DataError('callToAction.endorse', error);
	} else {
		const { error } = await supabase
			.from('amendment_endorsements')
			.delete()
			.eq('amendment_id', amendmentId)
			.eq('member_id', memberId);
		if (error) throw new DataError('callToAction.withdrawEndorsement', error);
	}
}

/** Links (or unlinks) a recommendation to the block it shaped. */
export async function linkRecommendation(
	supabase: Client,
	input: { documentId: string; recommendationId: string; blockId: string | null }
) {
	const change = input.blockId
		? { status: 'merged' as const, document_id: input.documentId, merged_block_id: input.blockId }
		: { status: 'accepted' as const, document_id: null, merged_block_id: null };
	unwrap(
		'callToAction.link',
		await supabase.from('recommendations').update(change).eq('id', input.recommendationId).select('id').single()
	);
}
