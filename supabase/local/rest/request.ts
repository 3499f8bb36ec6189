// The parts of an HTTP request PostgREST reads besides the query string: Prefer,
// Accept (single object, stripped nulls), Range and the schema profile headers.
import type { IncomingMessage } from 'node:http';
import { headerValue } from '../http.ts';
import { restErrors } from './errors.ts';

export interface Preferences {
	return: 'minimal' | 'representation' | 'headers-only';
	count?: 'exact' | 'planned' | 'estimated';
	resolution?: 'merge-duplicates' | 'ignore-duplicates';
	missingDefault: boolean;
	singleObjectParams: boolean;
	rollback: boolean;
	/** `handling=strict` with `max-affected=n`: more rows touched than n fails the write. */
	maxAffected?: number;
	/** The preferences PostgREST reports back in Preference-Applied. */
	applied: string[];
}

export function readPreferences(req: IncomingMessage): Preferences {
	const prefs: Preferences = {
		return: 'minimal',
		missingDefault: false,
		singleObjectParams: false,
		rollback: false,
		applied: []
	};
	const header = headerValue(req, 'prefer') ?? '';
	for (const raw of header.split(',')) {
		const [name, value] = raw
			.trim()
			.split('=')
			.map((s) => s.trim());
		if (name === 'return' && (value === 'minimal' || value === 'representation' || value === 'headers-only')) {
			prefs.return = value;
		} else if (name === 'count' && (value === 'exact' || value === 'planned' || value === 'estimated')) {
			prefs.count = value;
			prefs.applied.push(`count=${value}`);
		} else if (name === 'resolution' && (value === 'merge-duplicates' || value === 'ignore-duplicates')) {
			prefs.resolution = value;
			prefs.applied.push(`resolution=${value}`);
		} else if (name === 'missing' && value === 'default') {
			prefs.missingDefault = true;
			prefs.applied.push('missing=default');
		} else if (name === 'params' && value === 'single-object') {
			prefs.singleObjectParams = true;
		} else if (name === 'max-affected' && /^\d+$/.test(value ?? '')) {
			prefs.maxAffected = Number(value);
		} else if (name === 'tx' && value === 'rollback') {
			prefs.rollback = true;
			prefs.applied.push('tx=rollback');
		}
	}
	if (header.includes('return=')) prefs.applied.push(`return=${prefs.return}`);
	// PostgREST ignores max-affected unless handling is strict.
	if (!/handling=strict/.test(header)) delete prefs.maxAffected;
	else if (prefs.maxAffected !== undefined) prefs.applied.push('handling=strict', `max-affected=${prefs.maxAffected}`);
	return prefs;
}

export interface Representation {
	singleObject: boolean;
	stripNulls: boolean;
}

/** What the client accepts; 406 PGRST107 for media types PostgREST would not produce here. */
export function readAccept(req: IncomingMessage): Representation {
	const accept = headerValue(req, 'accept');
	if (!accept) return { singleObject: false, stripNulls: false };
	let acceptable = false;
	let stripNulls = false;
	for (const raw of accept.split(',')) {
		const [type, ...parameters] = raw.split(';').map((s) => s.trim().toLowerCase());
		const nullsStripped = parameters.includes('nulls=stripped');
		if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') {
			return { singleObject: true, stripNulls: nullsStripped };
		}
		if (type === 'application/vnd.pgrst.array+json') {
			acceptable = true;
			stripNulls ||= nullsStripped;
		} else if (type === 'application/json' || type === '*/*' || type === 'application/*') {
			acceptable = true;
		}
	}
	if (!acceptable) throw restErrors.mediaType(accept);
	return { singleObject: false, stripNulls };
}

export interface RangeRequest {
	offset: number;
	limit?: number;
}

/** `Range: 0-9` (items), as postgrest-js sent it before it moved to limit/offset. */
export function readRange(req: IncomingMessage): RangeRequest | undefined {
	const header = headerValue(req, 'range');
	if (!header) return undefined;
	const unit = headerValue(req, 'range-unit');
	if (unit && unit !== 'items') return undefined;
	const match = /^\s*(\d+)-(\d*)\s*$/.exec(header);
	if (!match) return undefined;
	const from = Number(match[1]);
	if (match[2] === '') return { offset: from };
	const to = Number(match[2]);
	if (to < from) throw restErrors.rangeNotSatisfiable(`The range ${header} is invalid`);
	return { offset: from, limit: to - from + 1 };
}

/** Accept-Profile (reads) or Content-Profile (writes) must name an exposed schema. */
export function readProfile(req: IncomingMessage, schemas: string[]): string {
	const read = req.method === 'GET' || req.method === 'HEAD';
	const profile = headerValue(req, read ? 'accept-profile' : 'content-profile');
	if (!profile) return schemas[0]!;
	if (!schemas.includes(profile)) throw restErrors.schemaNotExposed(schemas);
	return profile;
}
