// Reactive view of a CollabConnection for components: pass it by context, read
// `status.view` (one word to render) or `status.state` for details.
import type { CollabConnection } from './collab-connection.ts';
import type { CollabConnectionState, ConnectionView } from './connection-state.ts';
import { connectionView, initialConnectionState } from './connection-state.ts';

export class CollabStatus {
	state = $state<CollabConnectionState>(initialConnectionState);
	view = $derived<ConnectionView>(connectionView(this.state));
	readonly #stop: () => void;

	constructor(connection: CollabConnection) {
		this.#stop = connection.subscribe((next) => {
			this.state = next;
		});
	}

	stop(): void {
		this.#stop();
	}
}
