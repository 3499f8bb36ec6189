// A locale's messages live in one file per feature (`locales/<locale>/<feature>.json`), so
// features add their words without touching each other's files. A feature owns its
// top-level keys; two files claiming the same one is a mistake, caught here and in a test.
export type Messages = { [key: string]: string | Messages };

export function mergeMessages(files: Record<string, Messages>): Messages {
	const merged: Messages = {};
	const owner = new Map<string, string>();
	for (const [file, messages] of Object.entries(files)) {
		for (const [key, value] of Object.entries(messages)) {
			const earlier = owner.get(key);
			if (earlier) throw new Error(`Message key "${key}" is in both ${earlier} and ${file}`);
			owner.set(key, file);
			merged[key] = value;
		}
	}
	return merged;
}
