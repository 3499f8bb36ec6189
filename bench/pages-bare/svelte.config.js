// The baseline for `npm run bench:pages`: a bare SvelteKit app (one server-rendered,
// hydrated page, no libraries) built with the same adapter and compression as Accord.
import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
	compilerOptions: { runes: true },
	kit: { adapter: adapter({ out: 'build', precompress: true }) }
};
