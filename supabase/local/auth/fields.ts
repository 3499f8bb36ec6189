// Typed reads of JSON body fields. A field of the wrong type is a JSON decoding error in
// GoTrue (Go's unmarshal into a struct), so it is reported as bad_json here too.
import { AuthApiError } from './errors.ts';
import type { JsonObject } from './http.ts';

function wrongType(key: string, expected: string): AuthApiError {
	return new AuthApiError(400, 'bad_json', `Could not parse request body as JSON: field "${key}" must be ${expected}`);
}

export function stringField(body: JsonObject, key: string): string | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw wrongType(key, 'a string');
	return value;
}

export function booleanField(body: JsonObject, key: string): boolean | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean') throw wrongType(key, 'a boolean');
	return value;
}

export function objectField(body: JsonObject, key: string): JsonObject | undefined {
	const value = body[key];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(key, 'an object');
	return value as JsonObject;
}
