// GoTrue's HTTP API at /auth/v1, the subset supabase-js and @supabase/ssr use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackContext } from '../context.ts';

export async function handleAuthRequest(
	ctx: StackContext,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL
): Promise<void> {
	void ctx;
	void req;
	void url;
	res.writeHead(404, { 'content-type': 'application/json' });
	res.end(JSON.stringify({ code: 404, error_code: 'not_found', msg: 'Not found' }));
}
