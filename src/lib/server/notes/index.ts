// A session's notes as the app server sees them, through the caller's own Supabase client
// (RLS and the checked functions of 20261128100000/100100 decide): who may do what, the
// stored notes, the published versions and publishing.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import type { Database } from '$lib/supabase/database.types';
import { DataError, unwrap } from '../errors';
import { isEmptyRichText, richTextFromState, sanitizeRichTextHTML, toPlainText, toSafeHTML } from '../render/rich-text';

type Client = SupabaseClient<Database>;
export type NotesAccess = 'write' | 'read' | 'none';

export async function access(supabase: Client, sessionId: string): Promise<NotesAccess> {
	const value = unwrap('notes.access', await supabase.rpc('session_notes_access', { session_id: sessionId }));
	return value === 'write' || value === 'read' ? value : 'none';
}

export async function isRapporteur(supabase: Client, sessionId: string): Promise<boolean> {
	return unwrap('notes.isRapporteur', await supabase.rpc('is_session_rapporteur', { session_id: sessionId })) === true;
}

/** PostgREST sends bytea as `\x` and hex digits. */
function bytesOf(value: string): Uint8Array {
	const hex = value.startsWith('\\x') ? value.slice(2) : value;
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}

/** The notes as stored by the collab server (what everyone who synced has seen). */
export async function stored(supabase: Client, sessionId: string): Promise<ProseMirrorNode> {
	const parts = unwrap('notes.stored', await supabase.rpc('session_notes_state', { session_id: sessionId })) as
		string[] | null;
	const updates = (parts ?? []).map(bytesOf);
	return richTextFromState(updates.length > 0 ? Y.mergeUpdates(updates) : null);
}

export interface PublishedRecommendation {
	id: string;
	text: string;
	language: string;
	endorsements: number;
}

export interface SummaryVersion {
	id: string;
	version: number;
	language: string;
	html: string;
	recommendations: PublishedRecommendation[];
	publishedByName: string | null;
	publishedAt: string;
}

/** Published versions, newest first; their HTML sanitised again on the way out. */
export async function versions(supabase: Client, sessionId: string): Promise<SummaryVersion[]> {
	const rows = unwrap(
		'notes.versions',
		await supabase
			.from('session_summary_versions')
			.select('id, version, language, body_html, recommendations, published_by_name, published_at')
			.eq('session_id', sessionId)
			.order('version', { ascending: false })
	);
	return rows.map((row) => ({
		id: row.id,
		version: row.version,
		language: row.language,
		html: sanitizeRichTextHTML(row.body_html),
		recommendations: Array.isArray(row.recommendations)
			? (row.recommendations as unknown as PublishedRecommendation[]).map((item) => ({
					id: String(item.id),
					text: String(item.text),
					language: String(item.language),
					endorsements: Number(item.endorsements) || 0
				}))
			: [],
		publishedByName: row.published_by_name,
		publishedAt: row.published_at
	}));
}

export class EmptyNotesError extends Error {}

/** Renders the stored notes and publishes them as the next version; returns its number. */
export async function publish(supabase: Client, sessionId: string, language: 'en' | 'ro' | 'ru'): Promise<number> {
	const notes = await stored(supabase, sessionId);
	if (isEmptyRichText(notes)) throw new EmptyNotesError('the notes are empty');
	const version = unwrap(
		'notes.publish',
		await supabase.rpc('publish_session_summary', {
			session_id: sessionId,
			language,
			body_html: toSafeHTML(notes),
			body_text: toPlainText(notes)
		})
	);
	if (typeof version !== 'number') throw new DataError('notes.publish', { code: 'PGRST116', message: 'no version' });
	return version;
}

export interface ReportRecommendation {
	text: string;
	status: 'proposed' | 'accepted' | 'merged' | 'rejected';
	endorsements: number;
}

/** Every recommendation of the session the caller may read, most endorsed first. */
export async function recommendations(supabase: Client, sessionId: string): Promise<ReportRecommendation[]> {
	const rows = unwrap(
		'notes.recommendations',
		await supabase
			.from('recommendations')
			.select('id, text, status, created_at, recommendation_endorsements(member_id)')
			.eq('session_id', sessionId)
			.order('created_at')
	);
	return rows
		.map((row) => ({
			text: row.text,
			status: row.status,
			endorsements: Array.isArray(row.recommendation_endorsements) ? row.recommendation_endorsements.length : 0
		}))
		.sort((a, b) => b.endorsements - a.endorsements);
}
