// What every part of the local stack (REST, Auth, Realtime, mail) shares.
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';

export interface OutboxMessage {
	id: string;
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** The action link (magic link, invitation) when the message carries one. */
	link?: string;
	sentAt: string;
}

export interface Outbox {
	send(message: Omit<OutboxMessage, 'id' | 'sentAt'>): Promise<OutboxMessage>;
	/** Newest first. */
	list(options?: { to?: string; limit?: number }): Promise<OutboxMessage[]>;
}

export interface StackContext {
	db: SqlDatabase;
	jwtSecret: string;
	anonKey: string;
	serviceRoleKey: string;
	/** Base URL clients reach the APIs at, e.g. http://127.0.0.1:54321 (no trailing slash). */
	publicUrl: string;
	/** GoTrue's SITE_URL: where links land when no redirect_to is given or allowed. */
	siteUrl: string;
	/** Extra redirect URLs GoTrue accepts besides siteUrl (prefix match). */
	redirectUrls: string[];
	outbox: Outbox;
	log(message: string): void;
}
