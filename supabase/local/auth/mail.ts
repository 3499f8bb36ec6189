// The mails GoTrue sends (confirm sign-up, invitation, magic link, password reset),
// written to the local outbox. Each carries the link and the code it stands for.
import type { StackContext, OutboxMessage } from '../context.ts';
import { tooManyRequests } from './errors.ts';
import type { IssuedToken } from './one-time-tokens.ts';
import { authSettings } from './settings.ts';

export type MailKind = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change';

const SUBJECTS: Record<MailKind, string> = {
	signup: 'Confirm Your Signup',
	invite: 'You have been invited',
	magiclink: 'Your Magic Link',
	recovery: 'Reset Your Password',
	email_change: 'Confirm Email Change'
};

const INTROS: Record<MailKind, string> = {
	signup: 'Follow this link to confirm your email address:',
	invite: 'You have been invited to create a user. Follow this link to accept the invitation:',
	magiclink: 'Follow this link to sign in:',
	recovery: 'Follow this link to reset the password for your user:',
	email_change: 'Follow this link to confirm the change of your email address to this one:'
};

export function actionLink(ctx: StackContext, linkToken: string, kind: MailKind, redirectTo: string): string {
	const query = new URLSearchParams({ token: linkToken, type: kind, redirect_to: redirectTo });
	return `${ctx.publicUrl}/auth/v1/verify?${query.toString()}`;
}

/** GoTrue's per-address frequency limit (SMTP_MAX_FREQUENCY), checked before a mail is prepared. */
export function checkSendFrequency(ctx: StackContext, lastSentAt: Date | string | null): void {
	const interval = authSettings(ctx).emailMinInterval;
	if (interval <= 0 || lastSentAt === null) return;
	const waitMs = new Date(lastSentAt).getTime() + interval * 1000 - Date.now();
	if (waitMs > 0) {
		throw tooManyRequests(
			'over_email_send_rate_limit',
			`For security purposes, you can only request this after ${Math.ceil(waitMs / 1000)} seconds.`
		);
	}
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function sendAuthMail(
	ctx: StackContext,
	kind: MailKind,
	to: string,
	token: IssuedToken,
	redirectTo: string
): Promise<OutboxMessage> {
	const link = actionLink(ctx, token.linkToken, kind, redirectTo);
	const minutes = Math.round(authSettings(ctx).otpExpiry / 60);
	const text = [
		INTROS[kind],
		link,
		'',
		`Or enter this code: ${token.code}`,
		`The link and the code expire in ${minutes} minutes and work once.`
	].join('\n');
	const html =
		`<p>${escapeHtml(INTROS[kind])}</p><p><a href="${escapeHtml(link)}">${escapeHtml(SUBJECTS[kind])}</a></p>` +
		`<p>Or enter this code: <strong>${token.code}</strong></p>`;
	return ctx.outbox.send({ to, subject: SUBJECTS[kind], text, html, link });
}
