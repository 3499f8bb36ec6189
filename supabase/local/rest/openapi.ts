// GET /rest/v1/: a Swagger 2.0 outline of the exposed tables and functions, the shape
// PostgREST serves at its root (enough for tools that list what the API offers).
import { inputArgs } from './schema-cache.ts';
import type { SchemaCache } from './schema-cache.ts';

export function openApiDocument(cache: SchemaCache, publicUrl: string): Record<string, unknown> {
	const paths: Record<string, unknown> = { '/': { get: { summary: 'OpenAPI description (this document)' } } };
	const definitions: Record<string, unknown> = {};
	for (const table of cache.tables.values()) {
		const writable = table.kind === 'table' ? { post: {}, patch: {}, delete: {} } : {};
		paths[`/${table.name}`] = { get: {}, ...writable };
		definitions[table.name] = {
			type: 'object',
			required: table.primaryKey,
			properties: Object.fromEntries(table.columns.map((c) => [c.name, { format: c.type }]))
		};
	}
	for (const [, overloads] of cache.functions) {
		const fn = overloads[0]!;
		paths[`/rpc/${fn.name}`] = {
			post: { parameters: inputArgs(fn).map((a) => ({ name: a.name, format: a.type })) }
		};
	}
	const url = new URL(publicUrl);
	return {
		swagger: '2.0',
		info: { title: 'Accord local PostgREST', version: '12' },
		host: url.host,
		basePath: '/rest/v1',
		schemes: [url.protocol.replace(':', '')],
		consumes: ['application/json'],
		produces: ['application/json'],
		paths,
		definitions
	};
}
