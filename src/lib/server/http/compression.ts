// Venue Wi-Fi is the bottleneck, not the CPU: pages, SvelteKit's __data.json and the
// local stack's JSON go out brotli- or gzip-compressed from the one server. Static
// assets are precompressed at build time (adapter-node `precompress`) and already carry
// a Content-Encoding, which this leaves alone. Runs under plain Node: relative imports only.
import type http from 'node:http';
import compression from 'compression';
import { constants } from 'node:zlib';

type NodeMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

// compression is Connect middleware; its types name Express' request and response, but it
// only uses what node:http provides.
const compress = compression({
	// Small responses cost more in headers and CPU than they save on the wire.
	threshold: 1024,
	// Brotli level 5 compresses HTML better than gzip 9 at a fraction of brotli 11's CPU.
	brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
	filter(req, res) {
		// Server-sent and streamed responses must flush as they go.
		if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
		return compression.filter(req, res);
	}
}) as unknown as NodeMiddleware;

/** Calls `next` with the response set up to compress what is written to it. */
export function withCompression(req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
	compress(req, res, next);
}
