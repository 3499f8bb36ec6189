// Where the local stack's mail goes. Without SMTP: the local outbox — magic links,
// invitations and confirmations are stored (so they survive a restart) and printed,
// never sent; GET /local/v1/outbox lists them for the outbox page and for tests, to the
// service_role key only. With SMTP_URL: sent through that server and kept nowhere, since
// each link signs someone in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Outbox, OutboxMessage, StackContext } from './context.ts';
import type { SqlDatabase } from '../../src/lib/server/db/sql-client.ts';
import { apiKeyOf, bearerTokenOf } from './identity.ts';

interface OutboxRow {
	id: string;
	recipient: string;
	subject: string;
	body_text: string;
	body_html: string | null;
	link: string | null;
	sent_at: Date | string;
}

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 500;

function toMessage(row: OutboxRow): OutboxMessage {
	return {
		id: row.id,
		to: row.recipient,
		subject: row.subject,
		text: row.body_text,
		...(row.body_html === null ? {} : { html: row.body_html }),
		...(row.link === null ? {} : { link: row.link }),
		sentAt: (row.sent_at instanceof Date ? row.sent_at : new Date(row.sent_at)).toISOString()
	};
}

/** Expects supabase_local.outbox, which migrate() creates from platform-auth.sql. */
export async function createOutbox(db: SqlDatabase, log: (message: string) => void): Promise<Outbox> {
	return {
		async send(message) {
			const { rows } = await db.query<OutboxRow>(
				`insert into supabase_local.outbox (recipient, subject, body_text, body_html, link)
				 values ($1, $2, $3, $4, $5)
				 returning id, recipient, subject, body_text, body_html, link, sent_at`,
				[message.to, message.subject, message.text, message.html ?? null, message.link ?? null]
			);
			const stored = toMessage(rows[0]!);
			log(`[mail] to ${stored.to}: ${stored.subject}${stored.link ? `\n       ${stored.link}` : ''}`);
			return stored;
		},
		async list(options = {}) {
			const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
			const { rows } = await db.query<OutboxRow>(
				`select id, recipient, subject, body_text, body_html, link, sent_at from supabase_local.outbox
				 where $1::text is null or lower(recipient) = lower($1::text)
				 order by seq desc limit $2`,
				[options.to ?? null, limit]
			);
			return rows.map(toMessage);
		}
	};
}

export interface SmtpOptions {
	/** smtp://user:pass@host:port or smtps://… (nodemailer's connection URL). */
	url: string;
	/** The From address; default no-reply@localhost. */
	from?: string;
}

/** An outbox that sends through SMTP; list() is empty, because nothing is kept. */
export function createSmtpOutbox(options: SmtpOptions, log: (message: string) => void): Outbox {
	const transport = nodemailer.createTransport(options.url);
	const from = options.from ?? 'Accord <no-reply@localhost>';
	return {
		async send(message) {
			const info = await transport.sendMail({
				from,
				to: message.to,
				subject: message.subject,
				text: message.text,
				...(message.html === undefined ? {} : { html: message.html })
			});
			// The link is a credential: it goes to the recipient only, never to the log.
			log(`[mail] sent to ${message.to} through SMTP: ${message.subject}`);
			return {
				...message,
				id: typeof info.messageId === 'string' ? info.messageId : randomUUID(),
				sentAt: new Date().toISOString()
			};
		},
		async list() {
			return [];
		}
	};
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
	res.end(JSON.stringify(body));
}

/** GET /local/v1/outbox?to=&limit= — newest first. */
export async function handleOutboxRequest(
	ctx: StackContext,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<void> {
	if (req.method === 'OPTIONS') {
		res.writeHead(204, {
			'Access-Control-Allow-Origin': '*',
			'Access-Control-Allow-Methods': 'GET, OPTIONS',
			'Access-Control-Allow-Headers': 'authorization, apikey, content-type'
		});
		res.end();
		return;
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (path !== '/local/v1/outbox') {
		sendJson(res, 404, { message: 'Not found' });
		return;
	}
	if (req.method !== 'GET') {
		sendJson(res, 405, { message: 'Method not allowed' });
		return;
	}
	const key = apiKeyOf(req, url) ?? bearerTokenOf(req);
	if (!key) {
		sendJson(res, 401, { message: 'No API key found in request' });
		return;
	}
	if (key !== ctx.serviceRoleKey) {
		sendJson(res, 401, { message: 'The outbox needs the service_role key' });
		return;
	}
	const limitParam = url.searchParams.get('limit');
	const limit = limitParam === null ? undefined : Number.parseInt(limitParam, 10);
	if (limit !== undefined && (!Number.isFinite(limit) || limit < 1)) {
		sendJson(res, 400, { message: 'limit must be a positive integer' });
		return;
	}
	const to = url.searchParams.get('to') || undefined;
	sendJson(res, 200, await ctx.outbox.list({ to, limit }));
}
