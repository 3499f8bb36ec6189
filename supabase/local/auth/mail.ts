// The mails GoTrue sends (confirm sign-up, invitation, magic link, password reset),
// written to the local outbox. Each carries the link and the code it stands for.
import type { StackContext, OutboxMessage } from '../context.ts';
import { tooManyRequests } from './errors.ts';
import type { IssuedToken } from './one-time-tokens.ts';
import { authSettings } from './settings.ts';
import { MAIL_WORDING, type MailKind, type MailLanguage } from './mail-templates.ts';

export type { MailKind } from './mail-templates.ts';

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
	redirectTo: string,
	language: MailLanguage = 'en'
): Promise<OutboxMessage> {
	const wording = MAIL_WORDING[language];
	const subject = wording.subject[kind];
	const link = actionLink(ctx, token.linkToken, kind, redirectTo);
	const minutes = Math.round(authSettings(ctx).otpExpiry / 60);
	const text = [wording.intro[kind], link, '', wording.code(token.code), wording.expiry(minutes)].join('\n');
	const html =
		`<div lang="${language}"><p>${escapeHtml(wording.intro[kind])}</p>` +
		`<p><a href="${escapeHtml(link)}">${escapeHtml(subject)}</a></p>` +
		`<p>${escapeHtml(wording.code(''))}<strong>${token.code}</strong></p>` +
		`<p>${escapeHtml(wording.expiry(minutes))}</p></div>`;
	return ctx.outbox.send({ to, subject, text, html, link });
}
