import { describe, expect, it } from 'vitest';
import { allowSupabaseConnections, isLoopback, mayReadOutbox, outboxAccess, resolveMode } from './deployment';

function request(clientAddress: string, headers: Record<string, string> = {}) {
	const map = new Headers(headers);
	return { clientAddress, headers: map };
}

describe('resolveMode', () => {
	it('is the demo for a bare `npm start`, supabase once a project is configured', () => {
		expect(resolveMode({})).toBe('demo');
		expect(resolveMode({ SUPABASE_URL: 'https://x.supabase.co' })).toBe('supabase');
		expect(resolveMode({ PUBLIC_SUPABASE_URL: 'https://x.supabase.co' })).toBe('supabase');
	});

	it('takes ACCORD_MODE as given and refuses anything else', () => {
		expect(resolveMode({ ACCORD_MODE: 'local' })).toBe('local');
		expect(resolveMode({ ACCORD_MODE: 'local', SUPABASE_URL: 'https://x.supabase.co' })).toBe('local');
		expect(() => resolveMode({ ACCORD_MODE: 'production' })).toThrow(/ACCORD_MODE must be one of/);
	});
});

describe('isLoopback', () => {
	it('knows the loopback addresses in every spelling Node reports', () => {
		for (const address of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost']) {
			expect(isLoopback(address), address).toBe(true);
		}
	});

	it('does not take network or wildcard addresses, nor look-alikes, for loopback', () => {
		for (const address of ['0.0.0.0', '::', '192.0.2.4', '::ffff:192.0.2.4', '127.0.0.1.evil.example', '1270.0.0.1']) {
			expect(isLoopback(address), address).toBe(false);
		}
	});
});

describe('the mail outbox', () => {
	it('is open in the demo, loopback-only in local mode, absent with SMTP or a Supabase project', () => {
		expect(outboxAccess('demo', false)).toBe('everyone');
		expect(outboxAccess('local', false)).toBe('loopback');
		expect(outboxAccess('local', true)).toBe('nobody');
		expect(outboxAccess('demo', true)).toBe('nobody');
		expect(outboxAccess('supabase', false)).toBe('nobody');
	});

	it('in local mode, refuses a delegate on the venue network', () => {
		expect(mayReadOutbox('loopback', request('192.0.2.44'))).toBe(false);
		expect(mayReadOutbox('loopback', request('::ffff:192.0.2.44'))).toBe(false);
		expect(mayReadOutbox('loopback', request('127.0.0.1'))).toBe(true);
		expect(mayReadOutbox('loopback', request('::1'))).toBe(true);
	});

	it('in local mode, refuses a request a proxy on this machine forwarded', () => {
		for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host']) {
			expect(mayReadOutbox('loopback', request('127.0.0.1', { [header]: '192.0.2.44' })), header).toBe(false);
		}
	});

	it('is nobody’s with SMTP, even from loopback', () => {
		expect(mayReadOutbox('nobody', request('127.0.0.1'))).toBe(false);
	});
});

describe('allowSupabaseConnections', () => {
	it("adds a hosted project's API and Realtime origins to connect-src only", () => {
		const policy = "default-src 'self'; connect-src 'self'; script-src 'self' 'nonce-x'";
		expect(allowSupabaseConnections(policy, 'https://abc.supabase.co/')).toBe(
			"default-src 'self'; connect-src 'self' https://abc.supabase.co wss://abc.supabase.co; script-src 'self' 'nonce-x'"
		);
	});
});
