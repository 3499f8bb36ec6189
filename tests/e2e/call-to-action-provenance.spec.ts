// Provenance (DESIGN §5): a recommendation from a session's board is linked to the
// paragraph of the Call to Action it shaped. The paragraph shows where it came from (the
// session, the recommendation, its endorsements) and the recommendation, on its session's
// board, shows where it went — each a link to the other.
import { EVENT_ID, SLUG, admin, newDocument, paragraph, writeBlocks } from '../support/call-to-action-scene.ts';
import { BROWSER_LOCALE, expect, t, test } from './fixtures';
import { signInAs } from './sign-in-as';

const TEXT = [
	paragraph('p-invest', 'Invest in the social service workforce.'),
	paragraph('p-train', 'Train supervisors in every region.')
];
const RECOMMENDATION = 'Pay supervisors a living wage, so they stay in post.';

test('a recommendation linked to a paragraph shows where it went, and the paragraph where it came from', async ({
	browser,
	baseURL
}) => {
	const id = await newDocument(baseURL!, 'Provenance');
	await writeBlocks(baseURL!, id, 'en', TEXT);
	const db = await admin(baseURL!);
	const { data: session } = await db
		.from('sessions')
		.select('id, title')
		.eq('event_id', EVENT_ID)
		.order('starts_at')
		.limit(1)
		.single();
	const { data: members } = await db
		.from('members')
		.select('id')
		.eq('event_id', EVENT_ID)
		.eq('role', 'delegate')
		.order('id')
		.limit(2);
	const { data: recommendation, error } = await db
		.from('recommendations')
		.insert({ session_id: session!.id, author_id: members![0]!.id, text: RECOMMENDATION, language: 'en' })
		.select('id')
		.single();
	if (error) throw error;
	await db
		.from('recommendation_endorsements')
		.insert({ recommendation_id: recommendation!.id, member_id: members![1]!.id });
	await db.from('recommendations').update({ status: 'accepted' }).eq('id', recommendation!.id);
	const titleIn = (locale: 'en' | 'ro' | 'ru') =>
		(session!.title as Record<string, string>)[locale] ?? session!.title.en;

	// An organiser, in Romanian, links it to the paragraph it shaped.
	const organiser = await (await browser.newContext({ locale: BROWSER_LOCALE.ro })).newPage();
	await signInAs(organiser, 'organiser@accord.test', 'ro');
	await organiser.goto(`/${SLUG}/call-to-action/${id}?lang=en`);
	await organiser
		.getByRole('combobox', { name: t('ro', 'cta.amend.paragraph') })
		.selectOption({ label: 'Train supervisors in every region.' });
	await organiser
		.getByRole('combobox', { name: t('ro', 'cta.provenance.recommendation') })
		.selectOption({ label: RECOMMENDATION });
	await organiser.getByRole('button', { name: t('ro', 'cta.provenance.submit'), exact: true }).click();
	await expect(organiser.getByText(t('ro', 'cta.provenance.linked'))).toBeVisible();
	const origin = organiser.getByTestId('provenance').filter({ hasText: RECOMMENDATION });
	await expect(origin).toContainText('Train supervisors in every region.');
	await expect(origin).toContainText(t('ro', 'cta.provenance.endorsed', { count: 1 }));

	// Where it came from: the session's board, at the recommendation.
	await origin.getByRole('link', { name: t('ro', 'cta.provenance.from', { session: titleIn('ro') }) }).click();
	await expect(organiser).toHaveURL(new RegExp(`/programme/${session!.id}#recommendation-${recommendation!.id}$`));
	const card = organiser.locator(`#recommendation-${recommendation!.id}`);
	await expect(card).toContainText(RECOMMENDATION);
	await expect(card).toContainText(t('ro', 'recommendations.wentTo'));

	// A delegate, in Russian, follows the recommendation from the board to the paragraph.
	const delegate = await (await browser.newContext({ locale: BROWSER_LOCALE.ru })).newPage();
	await signInAs(delegate, 'delegate.ge.1@accord.test', 'ru');
	await delegate.goto(`/${SLUG}/programme/${session!.id}`);
	const ruCard = delegate.locator(`#recommendation-${recommendation!.id}`);
	await expect(ruCard).toContainText(t('ru', 'recommendations.wentTo'));
	await ruCard.getByRole('link', { name: t('ru', 'recommendations.wentToLink') }).click();
	await expect(delegate).toHaveURL(new RegExp(`/call-to-action/${id}#provenance-${recommendation!.id}$`));
	const ruOrigin = delegate.locator(`#provenance-${recommendation!.id}`);
	await expect(ruOrigin).toBeVisible();
	await expect(ruOrigin).toContainText('Train supervisors in every region.');
	await expect(ruOrigin).toContainText(t('ru', 'cta.provenance.from', { session: titleIn('ru') }));
	await expect(ruOrigin).toContainText(t('ru', 'cta.provenance.endorsed', { count: 1 }));
});
