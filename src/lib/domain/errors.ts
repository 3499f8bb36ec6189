/**
 * What a person reads when the database refuses something. Our SQL raises errors with a
 * snake_case `hint` naming the reason (`raise exception using hint = 'last_organiser'`);
 * PostgREST and Postgres give a `code`. Both become a message key (`error.data.*`, in
 * en/ro/ru), so no page shows the English text SQL wrote for the log.
 *
 * Order of trust: our hint, then the SQLSTATE or PostgREST code, then the HTTP status.
 */

/** The parts of a PostgrestError, a DataError or a fetch failure this needs. */
export interface DatabaseErrorLike {
	code?: string | null;
	hint?: string | null;
	status?: number | null;
}

/** Every `hint` our migrations raise, and what it tells the reader. */
export const HINT_MESSAGES = {
	amendment_decided: 'error.data.amendmentDecided',
	amendment_fixed: 'error.data.amendmentFixed',
	amendment_text_authors_only: 'error.data.amendmentTextAuthorsOnly',
	audit_log_append_only: 'error.data.auditLogAppendOnly',
	block_not_allowed: 'error.data.blockNotAllowed',
	day_date_taken: 'error.data.dayDateTaken',
	day_outside_event: 'error.data.dayOutsideEvent',
	days_outside_event: 'error.data.daysOutsideEvent',
	document_adopted: 'error.data.documentAdopted',
	event_untranslated: 'error.data.eventUntranslated',
	indicator_not_in_round: 'error.data.indicatorNotInRound',
	indicator_voted_on: 'error.data.indicatorVotedOn',
	invalid_document_transition: 'error.data.invalidDocumentTransition',
	invalid_round_transition: 'error.data.invalidRoundTransition',
	last_organiser: 'error.data.lastOrganiser',
	membership_fixed: 'error.data.membershipFixed',
	no_delegation: 'error.data.noDelegation',
	not_a_delegate: 'error.data.notADelegate',
	not_a_member: 'error.data.notAMember',
	not_an_organiser: 'error.data.notAnOrganiser',
	not_in_amendment_mode: 'error.data.notInAmendmentMode',
	not_signed_in: 'error.data.notSignedIn',
	observers_read_only: 'error.data.observersReadOnly',
	profile_is_the_members: 'error.data.profileIsTheMembers',
	programme_changed: 'error.data.programmeChanged',
	recommendation_curators_only: 'error.data.recommendationCuratorsOnly',
	recommendation_fixed: 'error.data.recommendationFixed',
	recommendation_hide_reason_invalid: 'recommendations.error.hideReasonInvalid',
	recommendation_merge_target_invalid: 'recommendations.error.mergeTargetInvalid',
	recommendation_not_endorsable: 'recommendations.error.notEndorsable',
	recommendation_text_authors_only: 'error.data.recommendationTextAuthorsOnly',
	recommendation_text_empty: 'recommendations.error.textEmpty',
	recommendation_text_too_long: 'recommendations.error.textTooLong',
	rejection_needs_reason: 'error.data.rejectionNeedsReason',
	results_hidden: 'error.data.resultsHidden',
	round_closing_time_passed: 'error.data.roundClosingTimePassed',
	round_locked: 'error.data.roundLocked',
	round_not_found: 'error.data.roundNotFound',
	round_not_open: 'error.data.roundNotOpen',
	round_without_indicators: 'error.data.roundWithoutIndicators',
	session_ends_before_start: 'error.data.sessionEndsBeforeStart',
	session_not_found: 'error.data.sessionNotFound',
	session_outside_day: 'error.data.sessionOutsideDay',
	session_outside_event: 'error.data.sessionOutsideEvent',
	slug_taken: 'error.data.slugTaken'
} as const;

/**
 * Postgres SQLSTATEs and PostgREST codes (https://docs.postgrest.org/en/stable/references/errors.html)
 * that mean something a person can act on.
 */
const CODE_MESSAGES: Record<string, MessageKey> = {
	// insufficient_privilege: RLS refused the row, or a function's own check did.
	'42501': 'error.data.forbidden',
	'23505': 'error.data.duplicate',
	'23503': 'error.data.reference',
	'23502': 'error.data.invalid',
	'23514': 'error.data.invalid',
	'22P02': 'error.data.invalid',
	'22023': 'error.data.invalid',
	'22001': 'error.data.invalid',
	'22007': 'error.data.invalid',
	'22008': 'error.data.invalid',
	// query_canceled: the per-role statement timeout.
	'57014': 'error.data.timeout',
	P0002: 'error.data.notFound',
	// .single() found no row, or more than one.
	PGRST116: 'error.data.notFound',
	// JWT expired, or not valid any more.
	PGRST301: 'error.data.sessionExpired',
	PGRST303: 'error.data.sessionExpired',
	// PostgREST could not reach or use the database.
	PGRST000: 'error.data.offline',
	PGRST001: 'error.data.offline',
	PGRST002: 'error.data.offline',
	PGRST003: 'error.data.timeout'
};

export type MessageKey =
	| (typeof HINT_MESSAGES)[keyof typeof HINT_MESSAGES]
	| 'error.data.duplicate'
	| 'error.data.forbidden'
	| 'error.data.invalid'
	| 'error.data.notFound'
	| 'error.data.offline'
	| 'error.data.rateLimited'
	| 'error.data.reference'
	| 'error.data.sessionExpired'
	| 'error.data.timeout'
	| 'error.data.unexpected';

function isKnownHint(hint: string): hint is keyof typeof HINT_MESSAGES {
	return Object.hasOwn(HINT_MESSAGES, hint);
}

/** The message key for a database error; `error.data.unexpected` when nothing says more. */
export function errorMessageKey(error: DatabaseErrorLike): MessageKey {
	if (error.hint && isKnownHint(error.hint)) return HINT_MESSAGES[error.hint];
	const byCode = error.code ? CODE_MESSAGES[error.code] : undefined;
	if (byCode) return byCode;
	switch (error.status) {
		case 401:
			return 'error.data.sessionExpired';
		case 403:
			return 'error.data.forbidden';
		case 404:
			return 'error.data.notFound';
		case 409:
			return 'error.data.duplicate';
		case 429:
			return 'error.data.rateLimited';
		case 503:
		case 504:
			return 'error.data.timeout';
		case 0:
			// supabase-js reports a request that never reached the server with status 0.
			return 'error.data.offline';
		default:
			return 'error.data.unexpected';
	}
}

/** The HTTP status a form action should answer with for this error (for `fail()`). */
export function errorStatus(error: DatabaseErrorLike): number {
	if (error.status && error.status >= 400 && error.status < 600) return error.status;
	const key = errorMessageKey(error);
	if (key === 'error.data.forbidden' || key === 'error.data.notAMember' || key === 'error.data.notAnOrganiser') {
		return 403;
	}
	if (key === 'error.data.notFound' || key === 'error.data.roundNotFound' || key === 'error.data.sessionNotFound') {
		return 404;
	}
	if (key === 'error.data.programmeChanged') return 409;
	if (key === 'error.data.unexpected' || key === 'error.data.offline' || key === 'error.data.timeout') return 500;
	return 400;
}
