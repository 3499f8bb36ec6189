import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { precompiledMessages } from './scripts/vite-precompiled-messages.ts';

/** Vite's `server.host`: true means every address. */
function vitePublicHost(host: string | boolean | undefined): string {
	return host === true ? '0.0.0.0' : host || 'localhost';
}

/**
 * `npm run dev` gets the same backend as `npm start` (local Supabase stack, collab
 * endpoint) on the dev server's port. It must come before sveltekit(): it sets the
 * Supabase variables SvelteKit reads when it configures its own dev server.
 */
function accordBackend(): Plugin {
	return {
		name: 'accord-backend',
		apply: 'serve',
		configureServer: {
			// SvelteKit reads the environment in its own (pre) hook: set it up before that.
			order: 'pre',
			async handler(server) {
				if (process.env.VITEST) return;
				const port = server.config.server.port ?? 5173;
				// Loaded at run time by Node's type stripping, not bundled into the config.
				const entry = pathToFileURL(path.resolve('src/server.ts')).href;
				const { startBackend } = (await import(/* @vite-ignore */ entry)) as typeof import('./src/server.ts');
				const backend = await startBackend({
					port,
					host: vitePublicHost(server.config.server.host),
					publicUrl: `http://localhost:${port}`,
					log: (message) => server.config.logger.info(message)
				});
				server.middlewares.use((req, res, next) => {
					if (!backend.handleRequest(req, res)) next();
				});
				server.httpServer?.on('upgrade', (req, socket, head) => {
					// Anything else (Vite's HMR socket) is left to its own listener.
					backend.handleUpgrade(req, socket, head);
				});
				server.httpServer?.on('close', () => void backend.close());
			}
		}
	};
}

export default defineConfig({
	plugins: [accordBackend(), precompiledMessages(), tailwindcss(), sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.svelte.test.ts']
				}
			},
			{
				// Components that behave (focus, keys, live regions) mounted in a DOM of their own.
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'components',
					environment: 'happy-dom',
					include: ['src/**/*.svelte.test.ts'],
					setupFiles: ['src/lib/components/ui/test-setup.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'supabase',
					environment: 'node',
					include: ['tests/supabase/**/*.test.ts'],
					testTimeout: 30_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'collab',
					environment: 'node',
					include: ['tests/collab/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
