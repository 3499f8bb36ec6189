// One collaborative document for the components of a page: the connection (Yjs doc,
// awareness, provider) and its status as runes, created once by the page and handed down
// by context, so an editor, a status badge and a presence list share one socket.
//
//     const cta = provideCollabDoc({ url, docName, getToken });   // in the page
//     const cta = useCollabDoc();                                  // in any child
//
// It imports Yjs: only pages that edit should import this module.
import { getContext, onDestroy, setContext } from 'svelte';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { createCollabConnection, type CollabConnection, type CollabConnectionOptions } from './collab-connection.ts';
import { CollabStatus } from './collab-status.svelte.ts';
import type { CollabConnectionState, ConnectionView } from './connection-state.ts';

export class CollabDoc {
	readonly connection: CollabConnection;
	readonly #status: CollabStatus;
	#destroyed: Promise<void> | undefined;

	constructor(options: CollabConnectionOptions) {
		this.connection = createCollabConnection(options);
		this.#status = new CollabStatus(this.connection);
	}

	get doc(): Y.Doc {
		return this.connection.doc;
	}

	get awareness(): Awareness {
		return this.connection.awareness;
	}

	/** Everything known about the connection (access, pending changes, last close). */
	get state(): CollabConnectionState {
		return this.#status.state;
	}

	/** One word for the UI: online, saving, offline, read-only, … */
	get view(): ConnectionView {
		return this.#status.view;
	}

	reconnect(): void {
		this.connection.reconnect();
	}

	/** Closes the socket and the local copy; safe to call more than once. */
	destroy(): Promise<void> {
		this.#destroyed ??= (async () => {
			this.#status.stop();
			await this.connection.destroy();
		})();
		return this.#destroyed;
	}
}

const CONTEXT = Symbol('collab-doc');

/** Makes `doc` the document of this component's subtree. */
export function setCollabDoc(doc: CollabDoc): CollabDoc {
	return setContext(CONTEXT, doc);
}

/** The document a parent provided; throws if none did (a wiring mistake, not a state). */
export function useCollabDoc(): CollabDoc {
	const doc = getContext<CollabDoc | undefined>(CONTEXT);
	if (!doc) throw new Error('useCollabDoc(): no CollabDoc above this component (call provideCollabDoc in the page)');
	return doc;
}

/** Opens a document for as long as the calling component lives, and provides it. */
export function provideCollabDoc(options: CollabConnectionOptions): CollabDoc {
	const doc = setCollabDoc(new CollabDoc(options));
	onDestroy(() => void doc.destroy());
	return doc;
}
