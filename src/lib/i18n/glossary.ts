// The binding glossary (shared/GLOSSARY.md) as data, so a test can hold every message and
// every translated seed row to it. Patterns match word stems: Romanian and Russian inflect,
// so "personalului din serviciile sociale" and "кадров социальных служб" both count.

/**
 * A case-insensitive pattern where \b is a letter boundary in any script (JavaScript's own
 * \b only knows ASCII letters, so it never matches before "î" or inside Cyrillic).
 */
function words(source: string, flags = 'iu'): RegExp {
	return new RegExp(source.replaceAll('\\b', '(?:(?<=\\p{L})(?!\\p{L})|(?<!\\p{L})(?=\\p{L}))'), flags);
}

export interface GlossaryTerm {
	/** The English term as it appears in a message. */
	en: RegExp;
	ro: RegExp;
	ru: RegExp;
}

export const GLOSSARY: Record<string, GlossaryTerm> = {
	'Call to Action': {
		en: words(String.raw`\bCall (to|for) Action\b`),
		ro: words(String.raw`\bApel\p{L}* la acțiune\b`),
		ru: words(String.raw`Призыв\p{L}* к действию`)
	},
	rapporteur: {
		en: words(String.raw`\brapporteurs?\b`),
		ro: words(String.raw`\braportor`),
		ru: words(String.raw`докладчик`)
	},
	delegate: {
		en: words(String.raw`\bdelegates?\b`),
		ro: words(String.raw`\bdelega[tț]`),
		ru: words(String.raw`делегат`)
	},
	delegation: {
		en: words(String.raw`\bdelegations?\b`),
		ro: words(String.raw`\bdelegați[ei]`),
		ru: words(String.raw`делегаци`)
	},
	chair: {
		en: words(String.raw`\bchairs?\b`),
		ro: words(String.raw`\bpreședin[tț]`),
		ru: words(String.raw`председател`)
	},
	quorum: { en: words(String.raw`\bquorum\b`), ro: words(String.raw`\bcvorum`), ru: words(String.raw`кворум`) },
	threshold: { en: words(String.raw`\bthreshold\b`), ro: words(String.raw`\bprag\b`), ru: words(String.raw`порог`) },
	'voting round': {
		en: words(String.raw`\bvoting rounds?\b`),
		ro: words(String.raw`\btur\p{L}* de vot\b`),
		ru: words(String.raw`тур\p{L}* голосования`)
	},
	'agree with reservations': {
		en: words(String.raw`\bagree with reservations\b`),
		ro: words(String.raw`de acord, cu rezerve`),
		ru: words(String.raw`за, с оговорками`)
	},
	disagree: {
		en: words(String.raw`\bdisagree\b`),
		ro: words(String.raw`\bîmpotrivă\b`),
		ru: words(String.raw`\bпротив\b`)
	},
	abstain: { en: words(String.raw`\babstain`), ro: words(String.raw`\babți[nț]`), ru: words(String.raw`воздерж`) },
	block: { en: words(String.raw`\bblock(ing|ed)?\b`), ro: words(String.raw`\bbloc`), ru: words(String.raw`блок`) },
	'quorum not reached': {
		en: words(String.raw`\bquorum (was )?not reached\b|\bno quorum\b`),
		ro: words(String.raw`\bcvorum\p{L}* neîntrunit`),
		ru: words(String.raw`кворум не набран|отсутстви\p{L}* кворума`)
	},
	consensus: {
		en: words(String.raw`\bconsensus\b`),
		ro: words(String.raw`\bconsens`),
		ru: words(String.raw`консенсус`)
	},
	amendment: {
		en: words(String.raw`\bamendments?\b`),
		ro: words(String.raw`\bamendament`),
		ru: words(String.raw`поправк`)
	},
	paragraph: {
		en: words(String.raw`\bparagraphs?\b`),
		ro: words(String.raw`\bparagraf`),
		ru: words(String.raw`пункт`)
	},
	// A government "утверждает" a strategy or a law; a conference "принимает" a text.
	// A government "утверждает" a strategy or a law; a conference "принимает" a text.
	adopted: {
		en: words(String.raw`\badopt(ed|ion)\b`),
		ro: words(String.raw`\badopt`),
		ru: words(String.raw`приня|утвер`)
	},
	rejected: { en: words(String.raw`\breject(ed)?\b`), ro: words(String.raw`\brespin`), ru: words(String.raw`отклон`) },
	'master language': {
		en: words(String.raw`\bmaster language\b`),
		ro: words(String.raw`\blimba de referință\b`),
		ru: words(String.raw`язык оригинала`)
	},
	// Headings spell the term out; running text that has already named the social services
	// may say "personalul" / use the adjective "кадровый", never another word for workforce.
	'social service workforce': {
		en: words(String.raw`\bworkforce\b`),
		ro: words(String.raw`\bpersonal|\bforț\p{L}* de muncă din serviciile sociale\b`),
		ru: words(String.raw`кадр`)
	},
	'in-service training': {
		en: words(String.raw`\bin-service training\b`),
		ro: words(String.raw`\bformare\p{L}* continu`),
		ru: words(String.raw`без отрыва от работы`)
	},
	'statutory functions': {
		en: words(String.raw`\bstatutory functions\b`),
		ro: words(String.raw`\batribuți\p{L}*( \p{L}+)? prevăzute de lege\b`),
		ru: words(String.raw`функци\p{L}*,? закрепленн\p{L}* законом`)
	},
	NGO: {
		en: words(String.raw`\bNGOs?\b`, 'u'),
		ro: words(String.raw`\bONG\b`, 'u'),
		ru: words(String.raw`\bНПО\b`, 'u')
	}
};

/** Words that say the opposite of the glossary and must not appear where its term is meant. */
export const RETIRED: Record<'ro' | 'ru', RegExp[]> = {
	// Standalone "forța de muncă" is the national labour force; "statutar" means "of the statute".
	ro: [
		words(String.raw`\bforț\p{L}* de muncă\b(?! din serviciile sociale)`),
		words(String.raw`\bstatutar`),
		words(String.raw`\bcurricul(ei|ă)\b`)
	],
	// "НКО" is a Russian domestic legal category, "раунд" belongs to negotiations, "абзац" is not a paragraph of a resolution.
	ru: [
		words(String.raw`\bНКО\b`, 'u'),
		words(String.raw`раунд`),
		words(String.raw`абзац`),
		words(String.raw`Call for Action`)
	]
};
