// Preparing a verification mail happens inside the request's transaction (token, flow
// state); sending it happens after the commit, so no mail points at a rolled-back token.
import type { StackContext } from '../context.ts';
import type { Queryable } from '../../../src/lib/server/db/sql-client.ts';
import { checkSendFrequency, sendAuthMail, type MailKind } from './mail.ts';
import { mailLanguage, type MailLanguage } from './mail-templates.ts';
import {
	createFlowState,
	issueToken,
	type IssuedToken,
	type PkceChallenge,
	type TokenType
} from './one-time-tokens.ts';
import type { AuthenticationMethod } from './sessions.ts';
import { limitMailTo } from './rate-limits.ts';
import { authSettings } from './settings.ts';
import type { UserRow } from './users.ts';

export interface PendingMail {
	kind: MailKind;
	to: string;
	token: IssuedToken;
	redirectTo: string;
	/** The recipient's language, decided while their user row is at hand. */
	language: MailLanguage;
}

const PKCE_METHODS: Record<MailKind, AuthenticationMethod> = {
	signup: 'email/signup',
	invite: 'invite',
	magiclink: 'magiclink',
	recovery: 'recovery',
	email_change: 'email_change'
};

const TOKEN_TYPES: Record<MailKind, TokenType> = {
	signup: 'confirmation_token',
	invite: 'confirmation_token',
	magiclink: 'recovery_token',
	recovery: 'recovery_token',
	email_change: 'email_change_token_new'
};

const SENT_AT: Record<MailKind, (user: UserRow) => Date | string | null> = {
	signup: (user) => user.confirmation_sent_at,
	invite: (user) => user.confirmation_sent_at,
	magiclink: (user) => user.recovery_sent_at,
	recovery: (user) => user.recovery_sent_at,
	email_change: (user) => user.email_change_sent_at
};

export interface PrepareOptions {
	redirectTo: string;
	pkce?: PkceChallenge;
	/** Admin-initiated mails (invitations) are not rate limited. */
	skipFrequencyCheck?: boolean;
	/** Where the mail goes when not to the user's current address (an email change). */
	to?: string;
}

export async function prepareMail(
	ctx: StackContext,
	q: Queryable,
	user: UserRow,
	kind: MailKind,
	options: PrepareOptions
): Promise<PendingMail> {
	const to = options.to ?? user.email ?? '';
	if (!options.skipFrequencyCheck) {
		checkSendFrequency(ctx, SENT_AT[kind](user));
		limitMailTo(ctx, to);
	}
	const flowStateId = options.pkce ? await createFlowState(q, user.id, options.pkce, PKCE_METHODS[kind]) : undefined;
	const token = await issueToken(q, authSettings(ctx), user.id, to, TOKEN_TYPES[kind], flowStateId);
	return {
		kind,
		to,
		token,
		redirectTo: options.redirectTo,
		language: mailLanguage(user.raw_user_meta_data, options.redirectTo)
	};
}

export async function deliver(ctx: StackContext, mail: PendingMail | undefined): Promise<void> {
	if (mail) await sendAuthMail(ctx, mail.kind, mail.to, mail.token, mail.redirectTo, mail.language);
}
