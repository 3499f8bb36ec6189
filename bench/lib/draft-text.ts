// A generated Call to Action of conference length: sections of a heading, paragraphs and a
// list, in English with Romanian and Russian translations that share its block ids and
// remember the master block they were translated from, as translators leave them. Seeded,
// so every run drafts the same text.
import { blocksOf, translationOf, type PmNode } from '../../src/lib/domain/cta/blocks.ts';

export type Language = 'en' | 'ro' | 'ru';

const WORDS: Record<Language, string[]> = {
	en: `social service workforce supervisors training region children families ministry municipal community
		care standards licensing caseload salaries retention recruitment university curriculum practice
		evidence budget partnership protection inclusion disability youth elderly migrants poverty monitoring
		commitment government civil society professional development mentoring rural urban quality access
		accountability data indicators reform legislation coordination outreach prevention referral support`
		.split(/\s+/u)
		.filter(Boolean),
	ro: `serviciile sociale personalul supervizori formare regiune copii familii ministerul municipal comunitate
		îngrijire standarde licențiere volum salarii retenție recrutare universitate curriculum practică dovezi
		buget parteneriat protecție incluziune dizabilitate tineri vârstnici migranți sărăcie monitorizare
		angajament guvern societatea civilă dezvoltare profesională mentorat rural urban calitate acces
		responsabilitate date indicatori reformă legislație coordonare prevenire referire sprijin țară școală`
		.split(/\s+/u)
		.filter(Boolean),
	ru: `социальные услуги персонал супервизоры обучение регион дети семьи министерство муниципальный сообщество
		уход стандарты лицензирование нагрузка зарплаты удержание набор университет программа практика данные
		бюджет партнерство защита инклюзия инвалидность молодежь пожилые мигранты бедность мониторинг
		обязательство правительство гражданское общество профессиональное развитие наставничество сельский
		городской качество доступ подотчетность показатели реформа законодательство координация профилактика`
		.split(/\s+/u)
		.filter(Boolean)
};

/** A small seeded generator (mulberry32): the same text on every run. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function sentence(next: () => number, lang: Language, words: number): string {
	const list = WORDS[lang];
	const picked = Array.from({ length: words }, () => list[Math.floor(next() * list.length)]!);
	const text = picked.join(' ');
	return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function prose(next: () => number, lang: Language, words: number): string {
	const sentences: string[] = [];
	for (let left = words; left > 0;) {
		const length = Math.min(left, 8 + Math.floor(next() * 10));
		sentences.push(sentence(next, lang, length));
		left -= length;
	}
	return sentences.join(' ');
}

const text = (value: string, bold = false): PmNode => ({
	type: 'text',
	text: value,
	...(bold ? { marks: [{ type: 'bold' }] } : {})
});

/** Where writers may type: paragraphs whose text is one unformatted run. */
export interface PlainParagraph {
	index: number;
	id: string;
}

export interface DraftText {
	languages: Record<Language, PmNode[]>;
	/** Words per language. */
	words: Record<Language, number>;
	plainParagraphs: PlainParagraph[];
}

const countWords = (nodes: PmNode[]): number =>
	blocksOf({ type: 'doc', content: nodes }).reduce((sum, block) => sum + block.text.split(/\s+/u).length, 0);

/**
 * `sections` sections, each a heading, three paragraphs (the first with a bold lead) of
 * about `paragraphWords` words, and a list of four items (bulleted and numbered in turn).
 */
export function draftText(sections: number, paragraphWords: number): DraftText {
	const byLanguage = Object.fromEntries(
		(['en', 'ro', 'ru'] as const).map((lang) => {
			const next = random(2018);
			const nodes: PmNode[] = [];
			for (let s = 0; s < sections; s++) {
				const id = (part: string) => `bench-${s}-${part}`;
				nodes.push({
					type: 'heading',
					attrs: { id: id('h'), level: 2 },
					content: [text(`${s + 1}. ${sentence(next, lang, 4).slice(0, -1)}`)]
				});
				nodes.push({
					type: 'paragraph',
					attrs: { id: id('p0') },
					content: [text(`${sentence(next, lang, 3)} `, true), text(prose(next, lang, paragraphWords - 3))]
				});
				for (const p of ['p1', 'p2']) {
					nodes.push({ type: 'paragraph', attrs: { id: id(p) }, content: [text(prose(next, lang, paragraphWords))] });
				}
				nodes.push({
					type: s % 2 === 0 ? 'bulletList' : 'orderedList',
					attrs: { id: id('l') },
					content: Array.from({ length: 4 }, () => ({
						type: 'listItem',
						content: [{ type: 'paragraph', content: [text(sentence(next, lang, 10))] }]
					}))
				});
			}
			return [lang, nodes];
		})
	) as Record<Language, PmNode[]>;

	// Translations are complete and current: each block remembers the master it came from.
	const master = blocksOf({ type: 'doc', content: byLanguage.en });
	for (const lang of ['ro', 'ru'] as const) {
		byLanguage[lang] = byLanguage[lang].map((node, index) => translationOf(master[index]!, node));
	}
	const plainParagraphs = byLanguage.en.flatMap((node, index) =>
		node.type === 'paragraph' && node.content?.length === 1 && !node.content[0]!.marks
			? [{ index, id: String(node.attrs!.id) }]
			: []
	);
	return {
		languages: byLanguage,
		words: { en: countWords(byLanguage.en), ro: countWords(byLanguage.ro), ru: countWords(byLanguage.ru) },
		plainParagraphs
	};
}
