// The colour a person shows in on shared documents (cursors, who-is-here avatars): the
// same for one person everywhere, from their user id. Relative imports only: the collab
// server runs on Node's type stripping and imports it too.

// Distinct on light and dark backgrounds, and readable with white cursor labels.
const COLOURS = [
	'#1d4ed8',
	'#b91c1c',
	'#047857',
	'#7c3aed',
	'#c2410c',
	'#0e7490',
	'#be185d',
	'#4d7c0f',
	'#a16207',
	'#4338ca'
];

export function colourFor(key: string): string {
	let hash = 0;
	for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
	return COLOURS[Math.abs(hash) % COLOURS.length]!;
}
