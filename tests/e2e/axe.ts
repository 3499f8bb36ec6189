// The accessibility bar every page meets: no serious or critical axe violation against
// WCAG 2.2 AA and axe's best practices.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test } from './fixtures';

/** Serious and critical violations on the page as it is now, one line each, for toEqual([]). */
export async function seriousViolations(page: Page): Promise<string[]> {
	// A pass reads the whole page and takes seconds on a busy machine: each one brings its own time.
	test.info().setTimeout(test.info().timeout + 15_000);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
