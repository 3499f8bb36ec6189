// `npm start`: build if needed, then run the one server process (app + collab + local
// Supabase stack) until SIGINT/SIGTERM, flushing collaborative edits before exit.
import { buildIfNeeded } from './build-if-needed.ts';
import { serve } from '../src/server.ts';

if (!process.argv.includes('--no-build')) buildIfNeeded();

const server = await serve().catch((error: unknown) => {
	// A refusal (an unsafe secret, a demo database in local mode) is a sentence, not a stack.
	console.error(`Accord did not start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: saving and shutting down…`);
		server.close().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error('Shutdown failed:', error);
				process.exit(1);
			}
		);
	});
}
