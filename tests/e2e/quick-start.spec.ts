// The README's quick start, as a person follows it: `npm start` with no settings at all
// (no ORIGIN: the e2e server sets one, which once hid every form answering 403), then
// the printed organiser link, the language switcher and signing out — with every page
// under the Content-Security-Policy, hydrated, and no policy violation.
import { expect, t, test } from './fixtures';
import { SpawnedServer, spawnedPort } from './spawned-server';

// Each test starts its own server (migrations, seed): a slow machine needs the time.
test.describe.configure({ timeout: 240_000 });

test.describe('the quick start', () => {
	let server: SpawnedServer;
	let url: string;

	test.beforeAll(async () => {
		// A throw-away database instead of .data/pglite, so the run starts from the seed;
		// --no-build because the e2e server has built it (a rebuild would pull the files
		// from under that server).
		server = new SpawnedServer({ PORT: String(spawnedPort(1)), ACCORD_DATA_DIR: 'memory' }, ['--no-build']);
		url = await server.ready();
	});

	test.afterAll(async () => {
		await server?.stop();
	});

	test('listens on loopback, prints sign-in links and says it uses the public demo secret', async () => {
		expect(url).toBe(`http://localhost:${spawnedPort(1)}`);
		expect(server.output).toContain(`(demo mode, listening on 127.0.0.1:${spawnedPort(1)})`);
		expect(server.output).toMatch(/public demo secret/);
		await server.waitFor(/organiser .*\n\s+(http\S+\/auth\/confirm\?\S+)/);
	});

	test('sign in from the printed link, switch language, sign out', async ({ page }) => {
		const violations: string[] = [];
		await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				(window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
					`${event.violatedDirective} ${event.blockedURI}`
				);
			});
		});
		const [, link] = await server.waitFor(/organiser .*\n\s+(http\S+\/auth\/confirm\?\S+)/);

		const response = await page.goto(link!);
		await expect(page).toHaveURL(`${url}/social-workforce-2018/programme`);
		await expect(page.getByText(t('en', 'auth.signedInAs', { name: 'Ioana Dumitrescu' }))).toBeVisible();
		const headers = response!.headers();
		expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('same-origin');

		// The switcher is an enhanced form: a page that hydrated under the policy switches
		// in place, so a value set on this window survives the switch.
		await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
		await page.getByRole('button', { name: 'Română' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
		await expect(page.getByText(t('ro', 'auth.signedInAs', { name: 'Ioana Dumitrescu' }))).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

		await page.getByRole('button', { name: t('ro', 'auth.signOut') }).click();
		await expect(page.getByRole('link', { name: t('ro', 'auth.signIn') })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('link', { name: t('ro', 'auth.signIn') })).toBeVisible();
		expect(violations).toEqual([]);
	});

	test('the same forms work without JavaScript from the printed URL', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${url}/sign-in`);
		await page.getByRole('button', { name: 'Русский' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
		await page.getByLabel(t('ru', 'auth.email')).fill('delegate.md.1@accord.test');
		await page.getByRole('button', { name: t('ru', 'auth.sendLink') }).click();
		await expect(page.getByRole('status')).toContainText('delegate.md.1@accord.test');
		await context.close();
	});
});
