import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	expect: { timeout: 10_000 },
	outputDir: 'test-results',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				// Playwright cannot download its own browser here: use the system Chromium.
				launchOptions: {
					executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
					args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu']
				}
			}
		}
	],
	webServer: {
		// The project's own Node 24 (type stripping), whatever node runs Playwright.
		command: 'node_modules/.bin/node scripts/start.ts',
		url: `http://localhost:${port}/`,
		timeout: 240_000,
		reuseExistingServer: !process.env.CI && !process.env.E2E_FRESH_SERVER,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			// A fresh in-memory database seeded from supabase/seed.sql for every run.
			ACCORD_DATA_DIR: 'memory',
			// The server would set this origin itself; quick-start.spec.ts starts one without
			// it (and local-mode.spec.ts in local mode), as a person does.
			ORIGIN: `http://localhost:${port}`
		}
	}
});
