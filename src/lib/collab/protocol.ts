// The contract between the collab server (src/lib/server/collab) and the browser helper:
// where the token travels, how access is announced, and what each close code means.
// Plain TypeScript with relative-import-free code so both sides (Vite and Node type
// stripping) can load it.

/** WebSocket path prefix; the document name follows, URI-encoded. */
export const COLLAB_PATH = '/collab/';

/**
 * The token travels in Sec-WebSocket-Protocol, the one header a browser lets a page set
 * on a WebSocket. A query parameter would land in proxy and access logs. The client offers
 * [COLLAB_SUBPROTOCOL, TOKEN_PROTOCOL_PREFIX + jwt]; the server verifies the second and
 * answers with the first, so the token is never echoed back. A JWT is base64url parts
 * joined by dots, all legal in a subprotocol token.
 */
export const COLLAB_SUBPROTOCOL = 'accord-collab.v1';
export const TOKEN_PROTOCOL_PREFIX = 'bearer.';

/** Document names: `cta:<uuid>:<lang>` and `notes:<uuid>`; the server refuses other kinds. */
export const DOC_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,199}$/;

export function isValidDocName(name: string): boolean {
	return DOC_NAME_PATTERN.test(name);
}

export type CollabAccess = 'write' | 'read' | 'none';

// y-websocket message types (the first varuint of every frame).
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

// Sub-types of MESSAGE_AUTH. 0 is y-protocols/auth's permission-denied, which stock
// y-websocket clients log; 1 is ours and stock clients ignore it.
export const AUTH_PERMISSION_DENIED = 0;
export const AUTH_PERMISSION_GRANTED = 1;
/** The reason string sent with AUTH_PERMISSION_DENIED when the client may read only. */
export const READ_ONLY_REASON = 'read-only';

/**
 * Close codes. 4400–4499 mirror HTTP 4xx: y-websocket does not reconnect on them by
 * default. The helper reconnects on UNAUTHENTICATED (with a fresh token) and RATE_LIMITED.
 */
export const CLOSE_CODES = {
	/** Server shutting down or restarting (standard 1001): reconnect. */
	GOING_AWAY: 1001,
	/** A frame larger than the message limit (standard 1009, sent by the ws library). */
	MESSAGE_TOO_BIG: 1009,
	/** Malformed frame or unknown message type. */
	MALFORMED: 4400,
	/** No token, a token that fails verification, or one that expired. */
	UNAUTHENTICATED: 4401,
	/** Valid token, no access to this document (or access was withdrawn). */
	FORBIDDEN: 4403,
	/** The document name is not a valid name. */
	BAD_DOCUMENT: 4404,
	/** The update would grow the document past its size limit. */
	DOCUMENT_TOO_LARGE: 4413,
	/** Too many messages or bytes per second from this connection. */
	RATE_LIMITED: 4429,
	/** The client did not read what the server sent fast enough; reconnecting resyncs. */
	TOO_SLOW: 4408,
	/** The server is at its connection limit (standard 1013 Try Again Later). */
	TRY_AGAIN_LATER: 1013,
	/** The document name has no known kind (only `cta:` and `notes:` exist). */
	UNKNOWN_KIND: 4422,
	/** The server could not store an update; reconnecting resends local changes. */
	STORAGE_UNAVAILABLE: 4503
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** What a close code means for the person editing, so the UI can say the right thing. */
export type CloseKind =
	'transient' | 'unauthenticated' | 'forbidden' | 'too-large' | 'malformed' | 'rate-limited' | 'not-found';

export function closeKind(code: number): CloseKind {
	switch (code) {
		case CLOSE_CODES.UNAUTHENTICATED:
			return 'unauthenticated';
		case CLOSE_CODES.FORBIDDEN:
			return 'forbidden';
		case CLOSE_CODES.MESSAGE_TOO_BIG:
		case CLOSE_CODES.DOCUMENT_TOO_LARGE:
			return 'too-large';
		case CLOSE_CODES.MALFORMED:
			return 'malformed';
		case CLOSE_CODES.RATE_LIMITED:
			return 'rate-limited';
		case CLOSE_CODES.BAD_DOCUMENT:
		case CLOSE_CODES.UNKNOWN_KIND:
			return 'not-found';
		default:
			return 'transient';
	}
}

/** Whether reconnecting after this close can help (with a fresh token for 4401). */
export function shouldRetryAfterClose(code: number): boolean {
	const kind = closeKind(code);
	return kind === 'transient' || kind === 'unauthenticated' || kind === 'rate-limited';
}
