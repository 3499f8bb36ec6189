// Serves the bare SvelteKit baseline (bench/pages-bare/build) the way src/server.ts serves
// Accord: adapter-node's handler behind the same compression. Prints `ready <port>`.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withCompression } from '../../src/lib/server/http/compression.ts';

const buildDir = path.resolve(process.argv[2] ?? 'bench/pages-bare/build');
const port = Number(process.argv[3] ?? 0);
const { handler } = (await import(pathToFileURL(path.join(buildDir, 'handler.js')).href)) as {
	handler: http.RequestListener;
};
const server = http.createServer((req, res) => withCompression(req, res, () => handler(req, res)));
server.listen(port, '127.0.0.1', () => {
	const address = server.address();
	console.log(`ready ${typeof address === 'object' && address ? address.port : port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
