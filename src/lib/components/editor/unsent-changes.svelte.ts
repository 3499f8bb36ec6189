// Asks before a tab with edits the server has not confirmed is closed or reloaded. The
// edits are safe in IndexedDB, but only on this device: someone closing a borrowed laptop
// or a kiosk tab would leave them where nobody else will ever see them.
import type { CollabDoc } from '$lib/collab/collab-doc.svelte';

export function warnBeforeUnloadWithUnsentChanges(collab: () => CollabDoc): void {
	$effect(() => {
		if (!collab().state.pendingChanges) return;
		const onBeforeUnload = (event: BeforeUnloadEvent) => {
			// Browsers show their own translated text; preventDefault is what asks.
			event.preventDefault();
		};
		window.addEventListener('beforeunload', onBeforeUnload);
		return () => window.removeEventListener('beforeunload', onBeforeUnload);
	});
}
