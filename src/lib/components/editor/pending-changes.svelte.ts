// How many local edits the server has not yet confirmed, for "offline — 3 changes waiting".
// Counts the document's local transactions (each keystroke burst is one); the connection
// says when the server holds everything, and the count starts again from zero.
import type { CollabDoc } from '$lib/collab/collab-doc.svelte';

export class PendingChanges {
	count = $state(0);
	readonly #stop: () => void;

	constructor(collab: CollabDoc) {
		const { doc, provider } = collab.connection;
		const onUpdate = (_update: Uint8Array, origin: unknown) => {
			// Updates from the server and from the IndexedDB copy are not new edits.
			if (origin === provider || (origin !== null && typeof origin === 'object' && 'whenSynced' in origin)) return;
			this.count += 1;
		};
		doc.on('update', onUpdate);
		const unsubscribe = collab.connection.subscribe((state) => {
			if (!state.pendingChanges) this.count = 0;
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
