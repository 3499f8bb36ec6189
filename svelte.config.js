import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Static assets ship with .br/.gz siblings, so they go out compressed at no CPU cost.
		adapter: adapter({ out: 'build', precompress: true }),
		// On venue Wi-Fi a round trip costs more than the few KiB of the stylesheet: put it
		// in the page, so the first paint waits for the HTML alone.
		inlineStyleThreshold: 64 * 1024,
		// SvelteKit hashes or nonces its own inline scripts ('auto'), so nothing else runs.
		// connect-src 'self' covers this origin's WebSockets too (collab, Realtime); against
		// a hosted Supabase project the server entry adds that project's origin.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte sets style attributes and transitions insert style elements.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// Code outside src/ (the server entry, the local Supabase stack, benchmarks)
			// runs on Node's type stripping, so it is checked by the same compiler.
			config(tsconfig) {
				tsconfig.include.push(
					'../supabase/local/**/*.ts',
					'../scripts/**/*.ts',
					'../bench/**/*.ts',
					'../tests/**/*.ts',
					'../playwright.config.ts'
				);
				return tsconfig;
			}
		}
	}
};

export default config;
