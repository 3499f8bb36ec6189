// The badge sheet: each member's name, delegation, organisation and role, with a QR code
// of their personal single-use sign-in link (see the badge_links migration for why it
// works once and when it expires). The QR is rendered here as SVG: the sheet prints
// without JavaScript and the tokens never pass through a client-side library.
import type { SupabaseClient } from '@supabase/supabase-js';
import QRCode from 'qrcode';
import type { Database } from '$lib/supabase/database.types';
import { adminClient } from './auth-admin';
import { unwrap } from './errors';
import * as invitations from './invitations';

type Client = SupabaseClient<Database>;

export interface Badge {
	memberId: string;
	displayName: string;
	role: Database['public']['Enums']['member_role'];
	countryCode: string | null;
	organisation: string | null;
	/** The QR code as an SVG document. */
	qrSvg: string;
	expiresAt: string;
}

/** The sign-in address a badge's QR code holds. */
export function badgeUrl(origin: string, token: string): string {
	return new URL(`/badge/${token}`, origin).href;
}

export async function sheet(supabase: Client, eventId: string, origin: string): Promise<Badge[]> {
	const [contacts, links] = await Promise.all([
		invitations.contacts(supabase, eventId),
		supabase.rpc('badge_links_for', { p_event_id: eventId })
	]);
	const tokens = new Map(unwrap('badges.links', links).map((link) => [link.member_id, link]));
	return Promise.all(
		contacts.flatMap((contact) => {
			const link = tokens.get(contact.memberId);
			if (!link) return [];
			return [
				QRCode.toString(badgeUrl(origin, link.token), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
					(qrSvg): Badge => ({
						memberId: contact.memberId,
						displayName: contact.displayName,
						role: contact.role,
						countryCode: contact.countryCode,
						organisation: contact.organisation,
						qrSvg,
						expiresAt: link.expires_at
					})
				)
			];
		})
	);
}

export type Redemption =
	| { status: 'ok'; email: string; eventId: string; slug: string }
	| { status: 'spent' | 'expired'; slug: string | null }
	| { status: 'unknown'; slug: null };

/** Spends a badge link (service role: the person is not signed in yet). */
export async function redeem(token: string): Promise<Redemption> {
	if (!/^[0-9a-f]{64}$/.test(token)) return { status: 'unknown', slug: null };
	const row = unwrap('badges.redeem', await adminClient().rpc('redeem_badge_link', { p_token: token }).single());
	if (row.status === 'ok' && row.email) {
		return { status: 'ok', email: row.email, eventId: row.event_id, slug: row.event_slug };
	}
	if (row.status === 'spent' || row.status === 'expired') return { status: row.status, slug: row.event_slug ?? null };
	return { status: 'unknown', slug: null };
}
