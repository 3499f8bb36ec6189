// Demo mode only: one-time sign-in links for the demo event's organiser, a rapporteur
// and a delegate, printed at start so a person can try each role straight away.
import type { Queryable } from './db/sql-client.ts';

export const DEMO_EVENT_SLUG = 'social-workforce-2018';

interface DemoAccount {
	role: string;
	email: string;
	display_name: string;
}

export interface DemoLinkOptions {
	db: Queryable;
	appUrl: string;
	authUrl: string;
	serviceRoleKey: string;
	log(message: string): void;
}

export async function demoAccounts(db: Queryable): Promise<DemoAccount[]> {
	const { rows } = await db.query<DemoAccount>(
		`select distinct on (m.role) m.role::text as role, u.email, m.display_name
		   from public.members m
		   join public.events e on e.id = m.event_id
		   join auth.users u on u.id = m.user_id
		  where e.slug = $1 and m.role::text in ('organiser', 'rapporteur', 'delegate')
		  order by m.role, u.email`,
		[DEMO_EVENT_SLUG]
	);
	const order = ['organiser', 'rapporteur', 'delegate'];
	return rows.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export async function demoSignInLink(options: DemoLinkOptions, email: string): Promise<string> {
	const response = await fetch(`${options.authUrl}/auth/v1/admin/generate_link`, {
		method: 'POST',
		headers: {
			apikey: options.serviceRoleKey,
			authorization: `Bearer ${options.serviceRoleKey}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify({ type: 'magiclink', email })
	});
	const body = (await response.json()) as { hashed_token?: string; msg?: string };
	if (!response.ok || !body.hashed_token) throw new Error(body.msg ?? `generate_link answered ${response.status}`);
	const next = encodeURIComponent(`/${DEMO_EVENT_SLUG}/programme`);
	return `${options.appUrl}/auth/confirm?token_hash=${body.hashed_token}&type=magiclink&next=${next}`;
}

export async function printDemoSignInLinks(options: DemoLinkOptions): Promise<void> {
	const accounts = await demoAccounts(options.db);
	if (accounts.length === 0) return;
	options.log('');
	options.log('Demo sign-in links (each works once, for one hour; more at /sign-in → local mail outbox):');
	for (const account of accounts) {
		const link = await demoSignInLink(options, account.email);
		options.log(`  ${account.role.padEnd(10)} ${account.display_name} <${account.email}>`);
		options.log(`             ${link}`);
	}
	options.log('');
}
