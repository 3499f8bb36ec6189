// The PostgREST query language as postgrest-js writes it: select trees with renames,
// casts, JSON paths and embedded relations; filters, logic trees (or/and) and order.
// Parsing only: names are checked against the schema cache and turned into SQL later.
import { restErrors } from './errors.ts';
// Each level of nesting costs a recursion here and in the SQL builder, and Postgres
// refuses (PGlite overflows its stack on) expressions nested thousands deep: deeper input
// is a PGRST100 before any SQL.
import { MAX_EMBED_DEPTH, MAX_JSON_PATH, MAX_LOGIC_DEPTH } from './limits.ts';

export interface JsonStep {
	/** -> keeps JSON, ->> yields text. */
	arrow: '->' | '->>';
	key: string | number;
}

export interface FieldRef {
	column: string;
	jsonPath: JsonStep[];
}

export type SelectItem =
	| { kind: 'star' }
	| { kind: 'column'; field: FieldRef; alias?: string; cast?: string }
	| {
			kind: 'embed';
			relation: string;
			alias?: string;
			hint?: string;
			joinType: 'inner' | 'left';
			spread: boolean;
			select: SelectItem[];
	  };

export type FilterOp =
	| 'eq'
	| 'neq'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'like'
	| 'ilike'
	| 'match'
	| 'imatch'
	| 'in'
	| 'is'
	| 'isdistinct'
	| 'fts'
	| 'plfts'
	| 'phfts'
	| 'wfts'
	| 'cs'
	| 'cd'
	| 'ov'
	| 'sl'
	| 'sr'
	| 'nxr'
	| 'nxl'
	| 'adj';

const filterOps = new Set<string>([
	'eq',
	'neq',
	'gt',
	'gte',
	'lt',
	'lte',
	'like',
	'ilike',
	'match',
	'imatch',
	'in',
	'is',
	'isdistinct',
	'fts',
	'plfts',
	'phfts',
	'wfts',
	'cs',
	'cd',
	'ov',
	'sl',
	'sr',
	'nxr',
	'nxl',
	'adj'
]);

export type Condition =
	| { kind: 'filter'; field: FieldRef; op: FilterOp; negated: boolean; value: string | string[]; language?: string }
	| { kind: 'logic'; op: 'and' | 'or'; negated: boolean; conditions: Condition[] };

export interface OrderTerm {
	field: FieldRef;
	/** `order=country(name)`: a column of a to-one embedded resource. */
	relation?: string;
	descending: boolean;
	nulls?: 'first' | 'last';
}

/** Splits on commas outside parentheses and double quotes. */
export function splitTopLevel(text: string, separator = ','): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let current = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			current += char;
			if (char === '\\' && i + 1 < text.length) current += text[++i];
			else if (char === '"') quoted = false;
			continue;
		}
		if (char === '"') quoted = true;
		else if (char === '(') depth++;
		else if (char === ')') depth--;
		if (char === separator && depth === 0) {
			parts.push(current);
			current = '';
		} else current += char;
		if (depth < 0) throw new SyntaxError('unexpected ")"');
	}
	if (quoted) throw new SyntaxError('unterminated double quote');
	if (depth !== 0) throw new SyntaxError('unbalanced parentheses');
	parts.push(current);
	return parts;
}

function unquote(text: string): string {
	if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
		return text.slice(1, -1).replace(/\\(.)/g, '$1');
	}
	return text;
}

const namePattern = /^(?:"(?:[^"\\]|\\.)+"|[^\s"(),:.!]+)$/u;

function parseName(text: string): string {
	const trimmed = text.trim();
	if (!trimmed || !namePattern.test(trimmed)) throw new SyntaxError(`unexpected name "${trimmed}"`);
	return unquote(trimmed);
}

/** `col`, `col->a->>b`, `col->0`. */
export function parseField(text: string): FieldRef {
	const pieces = text.split(/(->>|->)/);
	if (pieces.length > 2 * MAX_JSON_PATH + 1) throw new SyntaxError(`JSON paths are limited to ${MAX_JSON_PATH} steps`);
	const column = parseName(pieces[0] ?? '');
	const jsonPath: JsonStep[] = [];
	for (let i = 1; i < pieces.length; i += 2) {
		const arrow = pieces[i] as '->' | '->>';
		const raw = (pieces[i + 1] ?? '').trim();
		if (!raw) throw new SyntaxError('missing JSON key after arrow');
		const key = /^-?\d+$/.test(raw) ? Number(raw) : unquote(raw);
		jsonPath.push({ arrow, key });
	}
	return { column, jsonPath };
}

// A cast is spliced into SQL as a type name, so only plain names (and the few
// standard multi-word ones) pass; anything else is a parse error.
const castPattern =
	/^(?:[a-z_][a-z0-9_]*|double precision|character varying|bit varying|time(?:stamp)? with(?:out)? time zone)(?:\[\])?$/i;

export function parseSelect(text: string): SelectItem[] {
	try {
		return parseSelectList(text);
	} catch (error) {
		throw restErrors.parse('select parameter', text, error instanceof Error ? error.message : String(error));
	}
}

function parseSelectList(text: string, depth = 0): SelectItem[] {
	if (text.trim() === '') return [{ kind: 'star' }];
	return splitTopLevel(text).map((piece) => parseSelectItem(piece.trim(), depth));
}

function parseSelectItem(piece: string, depth: number): SelectItem {
	if (piece === '*') return { kind: 'star' };
	if (piece === '') throw new SyntaxError('empty select item');
	const open = indexOutsideQuotes(piece, '(');
	if (open !== -1) {
		if (!piece.endsWith(')')) throw new SyntaxError(`unexpected text after ")" in "${piece}"`);
		let head = piece.slice(0, open).trim();
		const inner = piece.slice(open + 1, -1);
		const spread = head.startsWith('...');
		if (spread) head = head.slice(3);
		const { alias, rest } = splitAlias(head);
		const [relationText, ...hints] = rest.split('!');
		const relation = parseName(relationText ?? '');
		let joinType: 'inner' | 'left' = 'left';
		let hint: string | undefined;
		for (const raw of hints) {
			const part = raw.trim();
			if (part === 'inner' || part === 'left') joinType = part;
			else if (hint === undefined) hint = parseName(part);
			else throw new SyntaxError(`unexpected "!${part}"`);
		}
		// An empty embed (`cities!inner()`) filters the parent without adding a key.
		if (depth >= MAX_EMBED_DEPTH) {
			throw new SyntaxError(`resources can be embedded at most ${MAX_EMBED_DEPTH} levels deep`);
		}
		const select = inner.trim() === '' ? [] : parseSelectList(inner, depth + 1);
		return { kind: 'embed', relation, alias, hint, joinType, spread, select };
	}
	const { alias, rest } = splitAlias(piece);
	const castAt = rest.indexOf('::');
	const fieldText = castAt === -1 ? rest : rest.slice(0, castAt);
	const cast = castAt === -1 ? undefined : rest.slice(castAt + 2).trim();
	if (cast !== undefined && !castPattern.test(cast)) throw new SyntaxError(`unexpected cast "${cast}"`);
	return { kind: 'column', field: parseField(fieldText.trim()), alias, cast };
}

function indexOutsideQuotes(text: string, char: string): number {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '"') quoted = !quoted;
		else if (!quoted && text[i] === char) return i;
	}
	return -1;
}

/** `alias:rest`, where the colon is a single one (not part of a :: cast). */
function splitAlias(text: string): { alias?: string; rest: string } {
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '"') quoted = !quoted;
		if (quoted || char !== ':') continue;
		if (text[i + 1] === ':') return { rest: text };
		return { alias: parseName(text.slice(0, i)), rest: text.slice(i + 1).trim() };
	}
	return { rest: text };
}

/** A filter value such as `not.eq.5`, `in.(1,2)`, `fts(english).cat`. */
export function parseFilter(fieldText: string, expression: string): Condition {
	try {
		return parseFilterExpression(parseField(fieldText), expression);
	} catch (error) {
		if (error instanceof SyntaxError) {
			throw restErrors.parse('filter', expression, error.message);
		}
		throw error;
	}
}

function parseFilterExpression(field: FieldRef, expression: string): Condition {
	let rest = expression;
	let negated = false;
	if (rest.startsWith('not.')) {
		negated = true;
		rest = rest.slice(4);
	}
	const dot = rest.indexOf('.');
	if (dot === -1) throw new SyntaxError(`expecting an operator and a value in "${expression}"`);
	const opText = rest.slice(0, dot);
	const raw = rest.slice(dot + 1);
	const language = /^(fts|plfts|phfts|wfts)\((\w+)\)$/.exec(opText);
	const op = language ? language[1]! : opText;
	if (!filterOps.has(op)) throw new SyntaxError(`unknown operator "${opText}"`);
	if (op === 'in') {
		if (!raw.startsWith('(') || !raw.endsWith(')')) throw new SyntaxError('in. expects a list like (a,b)');
		const inner = raw.slice(1, -1);
		const values = inner.trim() === '' ? [] : splitTopLevel(inner).map((v) => unquote(v.trim()));
		return { kind: 'filter', field, op, negated, value: values };
	}
	if (op === 'is' && !['null', 'not_null', 'true', 'false', 'unknown'].includes(raw.toLowerCase())) {
		throw new SyntaxError(`is. expects null, not_null, true, false or unknown, got "${raw}"`);
	}
	return { kind: 'filter', field, op: op as FilterOp, negated, value: unquote(raw), language: language?.[2] };
}

/** `(a.eq.1,or(b.gt.2,c.is.null))` as given to or=, and=, not.or=. */
export function parseLogic(op: 'and' | 'or', negated: boolean, text: string): Condition {
	try {
		return parseLogicTree(op, negated, text);
	} catch (error) {
		if (error instanceof SyntaxError) throw restErrors.parse('logic tree', text, error.message);
		throw error;
	}
}

function parseLogicTree(op: 'and' | 'or', negated: boolean, text: string, depth = 1): Condition {
	if (depth > MAX_LOGIC_DEPTH) throw new SyntaxError(`logic trees are limited to ${MAX_LOGIC_DEPTH} levels`);
	const trimmed = text.trim();
	if (!trimmed.startsWith('(') || !trimmed.endsWith(')')) throw new SyntaxError('expecting "(" … ")"');
	const conditions = splitTopLevel(trimmed.slice(1, -1)).map((piece) => {
		const item = piece.trim();
		const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
		if (nested) return parseLogicTree(nested[2] as 'and' | 'or', Boolean(nested[1]), nested[3]!, depth + 1);
		const dot = item.indexOf('.');
		if (dot === -1) throw new SyntaxError(`expecting column.operator.value in "${item}"`);
		return parseFilterExpression(parseField(item.slice(0, dot)), item.slice(dot + 1));
	});
	if (conditions.length === 0) throw new SyntaxError('empty logic tree');
	return { kind: 'logic', op, negated, conditions };
}

export function parseOrder(text: string): OrderTerm[] {
	try {
		return splitTopLevel(text).map((piece) => {
			const parts = piece.trim().split('.');
			const modifiers = parts.splice(1);
			const head = parts[0] ?? '';
			const related = /^([^()]+)\(([^()]+)\)$/.exec(head);
			const term: OrderTerm = related
				? { relation: parseName(related[1]!), field: parseField(related[2]!), descending: false }
				: { field: parseField(head), descending: false };
			for (const modifier of modifiers) {
				if (modifier === 'asc') term.descending = false;
				else if (modifier === 'desc') term.descending = true;
				else if (modifier === 'nullsfirst') term.nulls = 'first';
				else if (modifier === 'nullslast') term.nulls = 'last';
				else throw new SyntaxError(`unexpected order modifier "${modifier}"`);
			}
			return term;
		});
	} catch (error) {
		throw restErrors.parse('order', text, error instanceof Error ? error.message : String(error));
	}
}

/** `columns=` and `on_conflict=`: a comma-separated list of (optionally quoted) names. */
export function parseColumnList(what: string, text: string): string[] {
	try {
		return splitTopLevel(text)
			.map((piece) => piece.trim())
			.filter(Boolean)
			.map(parseName);
	} catch (error) {
		throw restErrors.parse(what, text, error instanceof Error ? error.message : String(error));
	}
}

export function parseNonNegativeInt(what: string, text: string): number {
	if (!/^\d+$/.test(text.trim())) throw restErrors.parse(what, text, 'expecting a non-negative integer');
	return Number(text);
}
