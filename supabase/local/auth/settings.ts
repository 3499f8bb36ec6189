// GoTrue's tunables that the local stack honours. The core may set them per stack
// (configureAuth); tests turn the mail rate limit off or shorten lifetimes.
import type { StackContext } from '../context.ts';

/** GoTrue's RATE_LIMIT_* (config.toml [auth.rate_limit]): requests per window, per key. */
export interface RateLimits {
	/** Mails to one address per hour (email_sent; GoTrue counts them for the whole instance). */
	emailSent: number;
	/** Sign-ups, sign-in links and codes, password resets and password sign-ins per IP per 5 minutes (sign_in_sign_ups). */
	signInSignUps: number;
	/** Refresh-token grants per IP per 5 minutes (token_refresh). */
	tokenRefresh: number;
	/** Link and code verifications per IP per 5 minutes (token_verifications). */
	tokenVerifications: number;
}

export interface AuthSettings {
	/** Access token lifetime in seconds (GoTrue's JWT_EXP). */
	jwtExpiry: number;
	/** How long a mailed link or code stays valid, in seconds (MAILER_OTP_EXP). */
	otpExpiry: number;
	/** Digits in the emailed code (MAILER_OTP_LENGTH). */
	otpLength: number;
	/** Sign-ups must confirm their address before they can sign in (!MAILER_AUTOCONFIRM). */
	emailConfirmations: boolean;
	/** Minimum seconds between two mails to one address; 0 turns the limit off (SMTP_MAX_FREQUENCY). */
	emailMinInterval: number;
	/** Seconds an already rotated refresh token may still be used (SECURITY_REFRESH_TOKEN_REUSE_INTERVAL). */
	refreshTokenReuseInterval: number;
	/** How long a PKCE auth code may wait for its exchange, in seconds (FLOW_STATE_EXPIRY_DURATION). */
	flowStateExpiry: number;
	/** Refuse new users on /signup and /otp (DISABLE_SIGNUP). */
	disableSignup: boolean;
	/** Minimum password length (PASSWORD_MIN_LENGTH). */
	passwordMinLength: number;
	/** Wrong codes typed for an address before its pending codes and links are revoked. */
	maxCodeAttempts: number;
	rateLimits: RateLimits;
	/** A session idle (not refreshed) this many seconds ends; 0 never (SESSIONS_INACTIVITY_TIMEOUT). */
	sessionInactivityTimeout: number;
	/** The clock, in milliseconds since the epoch (GoTrue's API.Now); tests move it instead of sleeping. */
	now: () => number;
}

export const DEFAULT_AUTH_SETTINGS: Readonly<AuthSettings> = {
	jwtExpiry: 3600,
	otpExpiry: 3600,
	otpLength: 6,
	emailConfirmations: true,
	emailMinInterval: 60,
	refreshTokenReuseInterval: 10,
	flowStateExpiry: 300,
	disableSignup: false,
	passwordMinLength: 6,
	maxCodeAttempts: 5,
	// GoTrue's defaults.
	rateLimits: { emailSent: 30, signInSignUps: 30, tokenRefresh: 150, tokenVerifications: 30 },
	sessionInactivityTimeout: 0,
	now: () => Date.now()
};

const settingsByStack = new WeakMap<StackContext, AuthSettings>();

/** Settings to change; rate limits not named keep their values. */
export type AuthSettingsChange = Partial<Omit<AuthSettings, 'rateLimits'>> & { rateLimits?: Partial<RateLimits> };

export function configureAuth(ctx: StackContext, settings: AuthSettingsChange): AuthSettings {
	const current = authSettings(ctx);
	const merged = { ...current, ...settings, rateLimits: { ...current.rateLimits, ...settings.rateLimits } };
	settingsByStack.set(ctx, merged);
	return merged;
}

export function authSettings(ctx: StackContext): AuthSettings {
	return settingsByStack.get(ctx) ?? { ...DEFAULT_AUTH_SETTINGS, rateLimits: { ...DEFAULT_AUTH_SETTINGS.rateLimits } };
}
