// `npm run add-account -- <email> [display name]`: local mode seeds no accounts, so the
// first organiser is added from the machine that runs the server. It signs a service_role
// key with the install's own secret (read from the data folder, which only this machine's
// owner can read) and asks the running server's Auth to create a confirmed account; the
// person then signs in from /sign-in with a link mailed to them.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { apiKeys, JWT_SECRET_FILE } from '../supabase/local/jwt.ts';

const [email, ...nameParts] = process.argv.slice(2);
if (!email || !email.includes('@')) {
	console.error('Usage: npm run add-account -- <email> [display name]');
	process.exit(2);
}

const dataDir = path.resolve(process.env.ACCORD_DATA_DIR || '.data/local');
const secret =
	process.env.SUPABASE_JWT_SECRET ||
	(await readFile(path.join(dataDir, JWT_SECRET_FILE), 'utf8').then(
		(text) => text.trim(),
		() => {
			console.error(`No secret in ${dataDir}: start Accord in local mode first, or set SUPABASE_JWT_SECRET.`);
			process.exit(1);
		}
	));
const { serviceRoleKey } = await apiKeys(secret);
// The server's own loopback address: the service key never crosses the network.
const authUrl = `http://127.0.0.1:${process.env.PORT ?? 3000}/auth/v1/admin/users`;
const displayName = nameParts.join(' ').trim();
const response = await fetch(authUrl, {
	method: 'POST',
	headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
	body: JSON.stringify({
		email,
		email_confirm: true,
		user_metadata: displayName ? { display_name: displayName } : {}
	})
}).catch((error: unknown) => {
	console.error(`Accord is not running at ${authUrl}: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
const body = (await response.json()) as { id?: string; msg?: string; message?: string };
if (!response.ok) {
	console.error(`Could not add ${email}: ${body.msg ?? body.message ?? response.status}`);
	process.exit(1);
}
console.log(`Added ${email}. They sign in at /sign-in with a link mailed to them.`);
