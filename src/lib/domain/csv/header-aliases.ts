// What organisers call the columns and the values of a delegate list, in the three
// working languages. Spreadsheets come from ministries and agencies that each name their
// columns their own way ("E-mail", "Adresă de e-mail", "Эл. почта"), so the import
// accepts the usual names and refuses only what it cannot place.

export const IMPORT_FIELDS = ['email', 'name', 'country', 'organisation', 'sector', 'role', 'language'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const MEMBER_ROLES = ['organiser', 'rapporteur', 'delegate', 'observer'] as const;
export type ImportRole = (typeof MEMBER_ROLES)[number];

export const SECTORS = [
	'child_protection',
	'social_protection',
	'health',
	'education',
	'early_childhood_development',
	'migration',
	'justice',
	'youth',
	'disability',
	'gender'
] as const;
export type ImportSector = (typeof SECTORS)[number];

export const LANGUAGES = ['en', 'ro', 'ru'] as const;
export type ImportLanguage = (typeof LANGUAGES)[number];

/**
 * Lower case, without diacritics, punctuation or repeated spaces, Russian ё as е: so
 * "Țară", "tara" and "TARA " are one name, and so are "E-mail" and "email".
 */
export function normalizeLabel(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function index<K extends string>(aliases: Record<K, readonly string[]>): Map<string, K> {
	const map = new Map<string, K>();
	for (const [key, names] of Object.entries(aliases) as [K, readonly string[]][]) {
		for (const name of [key, ...names]) map.set(normalizeLabel(name), key);
	}
	return map;
}

export const HEADER_ALIASES = index<ImportField>({
	email: [
		'e-mail',
		'mail',
		'email address',
		'adresa de e-mail',
		'adresă de email',
		'adresă e-mail',
		'электронная почта',
		'эл. почта',
		'почта',
		'адрес электронной почты',
		'e-mail адрес'
	],
	name: [
		'full name',
		'display name',
		'participant',
		'nume',
		'nume complet',
		'nume și prenume',
		'prenume și nume',
		'numele',
		'имя',
		'фио',
		'ф.и.о.',
		'полное имя',
		'имя и фамилия',
		'фамилия и имя',
		'участник'
	],
	country: [
		'country code',
		'delegation',
		'țară',
		'țara',
		'delegație',
		'delegația',
		'cod țară',
		'страна',
		'код страны',
		'делегация'
	],
	organisation: [
		'organization',
		'org',
		'institution',
		'organizație',
		'organizația',
		'instituție',
		'instituția',
		'организация',
		'учреждение',
		'ведомство'
	],
	sector: ['sectorul', 'domeniu', 'сектор', 'сфера', 'отрасль'],
	role: ['rol', 'rolul', 'роль'],
	language: [
		'preferred language',
		'lang',
		'limbă',
		'limba',
		'limba preferată',
		'язык',
		'предпочитаемый язык',
		'язык общения'
	]
});

export const ROLE_ALIASES = index<ImportRole>({
	organiser: ['organizer', 'organizator', 'организатор'],
	rapporteur: ['raportor', 'докладчик'],
	delegate: ['delegat', 'delegată', 'делегат'],
	observer: ['observator', 'наблюдатель']
});

export const SECTOR_ALIASES = index<ImportSector>({
	child_protection: ['child protection', 'protecția copilului', 'защита детей'],
	social_protection: ['social protection', 'protecție socială', 'protecția socială', 'социальная защита'],
	health: ['sănătate', 'здравоохранение'],
	education: ['educație', 'образование'],
	early_childhood_development: [
		'early childhood development',
		'dezvoltarea timpurie a copilului',
		'развитие детей раннего возраста'
	],
	migration: ['migrație', 'миграция'],
	justice: ['justiție', 'правосудие', 'юстиция'],
	youth: ['tineret', 'молодежь'],
	disability: ['dizabilitate', 'dizabilități', 'инвалидность'],
	gender: ['gen', 'гендер', 'гендерное равенство']
});

export const LANGUAGE_ALIASES = index<ImportLanguage>({
	en: ['english', 'engleză', 'английский'],
	ro: ['romanian', 'română', 'румынский'],
	ru: ['russian', 'rusă', 'русский']
});
