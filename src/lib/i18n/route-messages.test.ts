import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageFiles } from './message-files.ts';
import { CORE_MESSAGES, ROUTE_MESSAGES, messageFilesFor } from './route-messages.ts';

const available = Object.keys(messageFiles('en')).map((file) => file.replace(/\.json$/, ''));

describe('message files a page downloads', () => {
	it('are every file for a route nobody listed', () => {
		expect(messageFilesFor('/[event=slug]/some-new-page', available)).toEqual(available);
	});

	it('are the core files plus the listed ones for a listed route', () => {
		for (const [routeId, extra] of Object.entries(ROUTE_MESSAGES)) {
			expect(messageFilesFor(routeId, available).sort()).toEqual([...new Set([...CORE_MESSAGES, ...extra])].sort());
		}
	});

	it('are the core files for an error without a route', () => {
		expect(messageFilesFor(null, available)).toEqual([...CORE_MESSAGES]);
	});

	it('are listed for routes that exist', () => {
		for (const routeId of Object.keys(ROUTE_MESSAGES)) {
			expect(existsSync(path.resolve(import.meta.dirname, '../../routes' + routeId)), routeId).toBe(true);
		}
	});

	it('name only files that exist', () => {
		for (const file of [...CORE_MESSAGES, ...Object.values(ROUTE_MESSAGES).flat()]) {
			expect(available, file).toContain(file);
		}
	});
});
