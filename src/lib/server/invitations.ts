// Invitations through Supabase Auth. The organiser's own client decides who may be
// invited and whose addresses they may see (member_contacts refuses anyone else) and
// records the result (record_invitations); the service role only sends the mail.
//
// Someone without a confirmed account gets Auth's invitation (it keeps the account the
// import created); someone who has signed in before gets a sign-in link instead, since
// Auth refuses to invite a registered address. Either way the mail is in the person's
// language (Auth reads `preferred_language` from their metadata, else the `locale` on the
// link) and opens /auth/accept, which signs them in and marks them as joined.
//
// Auth's link lasts an hour; an invitation is mailed days ahead. So the address the mail
// lands on also carries a single-use invitation token of Accord's own (invitation_links
// migration), which outlives Auth's link: once that has expired, the accept page redeems
// the token here and the person is signed in with a fresh Auth link, as a badge does.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/supabase/database.types';
import { adminClient, mailClient } from './auth-admin';
import { unwrap } from './errors';

type Client = SupabaseClient<Database>;
type Role = Database['public']['Enums']['member_role'];
type Language = Database['public']['Enums']['language_code'];

export interface Contact {
	memberId: string;
	email: string;
	displayName: string;
	role: Role;
	countryCode: string | null;
	organisation: string | null;
	language: Language | null;
	invitedAt: string | null;
	joinedAt: string | null;
	confirmed: boolean;
}

/** The event's members with address and invitation state (organisers only). */
export async function contacts(supabase: Client, eventId: string): Promise<Contact[]> {
	const rows = unwrap('invitations.contacts', await supabase.rpc('member_contacts', { p_event_id: eventId }));
	return rows.map((row) => ({
		memberId: row.member_id,
		email: row.email,
		displayName: row.display_name,
		role: row.role,
		countryCode: row.country_code ?? null,
		organisation: row.organisation ?? null,
		language: row.preferred_language ?? null,
		invitedAt: row.invited_at ?? null,
		joinedAt: row.joined_at ?? null,
		confirmed: row.confirmed
	}));
}

export interface SendResult {
	sent: string[];
	/** Members whose mail Auth refused, with why: `rateLimited` (sent moments ago) or `failed`. */
	refused: { memberId: string; displayName: string; reason: 'rateLimited' | 'failed' }[];
}

/** Where the mail's link lands: the accept page with the invitation token, then the event's programme. */
export function acceptUrl(
	origin: string,
	event: { id: string; slug: string },
	language: Language | null,
	token?: string
): string {
	const url = new URL('/auth/accept', origin);
	url.searchParams.set('event', event.id);
	url.searchParams.set('next', `/${event.slug}/programme`);
	if (language) url.searchParams.set('locale', language);
	if (token) url.searchParams.set('invitation', token);
	return url.href;
}

async function sendOne(contact: Contact, redirectTo: string): Promise<{ status?: number } | null> {
	if (!contact.confirmed) {
		const data: Record<string, string> = { display_name: contact.displayName };
		if (contact.language) data.preferred_language = contact.language;
		const { error } = await adminClient().auth.admin.inviteUserByEmail(contact.email, { data, redirectTo });
		if (!error || error.code !== 'email_exists') return error;
	}
	const { error } = await mailClient().auth.signInWithOtp({
		email: contact.email,
		options: { shouldCreateUser: false, emailRedirectTo: redirectTo }
	});
	return error;
}

/** Mails each chosen member, a few at a time, and records who was invited. */
export async function send(
	supabase: Client,
	event: { id: string; slug: string },
	chosen: Contact[],
	origin: string
): Promise<SendResult> {
	const result: SendResult = { sent: [], refused: [] };
	if (chosen.length === 0) return result;
	const links = unwrap(
		'invitations.links',
		await supabase.rpc('issue_invitation_links', {
			p_event_id: event.id,
			p_member_ids: chosen.map((contact) => contact.memberId)
		})
	);
	const tokens = new Map(links.map((link) => [link.member_id, link.token]));
	const queue = [...chosen];
	const worker = async () => {
		for (let contact = queue.shift(); contact; contact = queue.shift()) {
			const url = acceptUrl(origin, event, contact.language, tokens.get(contact.memberId));
			const error = await sendOne(contact, url);
			if (!error) result.sent.push(contact.memberId);
			else {
				result.refused.push({
					memberId: contact.memberId,
					displayName: contact.displayName,
					reason: error.status === 429 ? 'rateLimited' : 'failed'
				});
			}
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	if (result.sent.length > 0) {
		unwrap(
			'invitations.record',
			await supabase.rpc('record_invitations', { p_event_id: event.id, p_member_ids: result.sent })
		);
	}
	return result;
}

/** Mails the given members (those not yet joined), as the invitations page and the members list do. */
export async function sendTo(
	supabase: Client,
	event: { id: string; slug: string },
	memberIds: string[],
	origin: string
): Promise<SendResult> {
	const wanted = new Set(memberIds);
	const chosen = (await contacts(supabase, event.id)).filter((c) => wanted.has(c.memberId) && !c.joinedAt);
	return send(supabase, event, chosen, origin);
}

export type Redemption =
	| { status: 'ok'; email: string; eventId: string; slug: string }
	| { status: 'spent' | 'expired'; slug: string | null }
	| { status: 'unknown'; slug: null };

export const INVITATION_TOKEN = /^[0-9a-f]{64}$/;

/** Spends an invitation token (service role: the person is not signed in yet). */
export async function redeem(token: string): Promise<Redemption> {
	if (!INVITATION_TOKEN.test(token)) return { status: 'unknown', slug: null };
	const row = unwrap(
		'invitations.redeem',
		await adminClient().rpc('redeem_invitation_link', { p_token: token }).single()
	);
	if (row.status === 'ok' && row.email) {
		return { status: 'ok', email: row.email, eventId: row.event_id, slug: row.event_slug };
	}
	if (row.status === 'spent' || row.status === 'expired') return { status: row.status, slug: row.event_slug ?? null };
	return { status: 'unknown', slug: null };
}
