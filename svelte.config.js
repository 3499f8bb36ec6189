import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
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
