// How many local edits the server has not yet confirmed, for "offline — 3 changes waiting".
// Counts the document's local transactions (each keystroke burst is one); the connection
// says when the server holds everything, and the count starts again from zero. Kept beside
// the local copy, so a page reloaded offline still says how many changes wait.
import type { CollabDoc } from '$lib/collab/collab-doc.svelte';

export class PendingChanges {
	count = $state(0);
	readonly #stop: () => void;

	constructor(collab: CollabDoc) {
		const { doc, provider, localStorageKey } = collab.connection;
		const key = localStorageKey && `${localStorageKey}:pending`;
		const save = (count: number) => {
			this.count = count;
			if (!key) return;
			try {
				if (count > 0) localStorage.setItem(key, String(count));
				else localStorage.removeItem(key);
			} catch {
				// Storage refused (private mode, quota): the count only lives as long as the page.
			}
		};
		if (key) this.count = Number(readStored(key)) || 0;
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			// Updates from the server and from the IndexedDB copy are not new edits.
			if (origin === provider || (origin !== null && typeof origin === 'object' && 'whenSynced' in origin)) return;
			save(this.count + 1);
		};
		doc.on('update', onUpdate);
		const unsubscribe = collab.connection.subscribe((state) => {
			// Only the server's word clears the count: a page just (re)loaded knows nothing yet.
			if (state.synced && !state.pendingChanges && this.count > 0) save(0);
		});
		this.#stop = () => {
			doc.off('update', onUpdate);
			unsubscribe();
		};
	}

	stop(): void {
		this.#stop();
	}
}

function readStored(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}
