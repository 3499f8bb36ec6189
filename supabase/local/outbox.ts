// The local mail outbox: magic links and invitations are stored and printed, never sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext, Outbox } from './context.ts';
import type { Database } from './db.ts';

export async function createOutbox(db: Database, log: (message: string) => void): Promise<Outbox> {
	void db;
	void log;
	throw new Error('outbox not ready yet');
}

export async function handleOutboxRequest(
	ctx: StackContext,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<void> {
	void ctx;
	void req;
	void url;
	res.writeHead(404, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ message: 'Not found' }));
}
