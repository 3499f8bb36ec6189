import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			// The bare SvelteKit app bench:pages measures Accord against; not part of Accord.
			'bench/pages-bare/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'.data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				// SvelteKit keeps the service worker out of its tsconfig (it has the webworker lib).
				projectService: { allowDefaultProject: ['src/service-worker.ts'] },
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			curly: ['error', 'multi-line'],
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/button-has-type': 'error',
			// Plain <a href> links are how this app navigates (SSR-first, works without JS).
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Code that runs under plain Node (type stripping, no Vite) cannot resolve
		// SvelteKit's aliases: a `$lib` or `$app` import there only fails at run time.
		files: [
			'src/server.ts',
			'src/lib/server/collab/**/*.ts',
			'src/lib/server/db/**/*.ts',
			'src/lib/collab/**/*.ts',
			'supabase/local/**/*.ts',
			'scripts/**/*.ts',
			'bench/**/*.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib', '$lib/*', '$app/*', '$env/*', '$service-worker'],
							message: 'Plain-Node code cannot use SvelteKit aliases: import by relative path.'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.js'],
		...ts.configs.disableTypeChecked
	}
);
