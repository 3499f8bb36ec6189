import { connection } from './connection.svelte';

/**
 * Nothing that writes pretends to work offline. The shared Button shows itself disabled
 * while the connection is down; this holds back every other form that posts to the server
 * (sign-out, the language switcher, the organisers' row buttons, publishing notes): not
 * sent, nothing typed lost, and the offline notice at the top of the page says why. A form
 * that queues its own sends (the ballot) opts out with `data-works-offline`.
 */
export function holdWritesWhileOffline(root: Document = document): () => void {
	function hold(event: SubmitEvent) {
		if (connection.online) return;
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || form.hasAttribute('data-works-offline')) return;
		const method = event.submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get';
		if (method.toLowerCase() !== 'post') return;
		// Before use:enhance's own listener on the form, which would send it.
		event.preventDefault();
		event.stopImmediatePropagation();
	}
	root.addEventListener('submit', hold, { capture: true });
	return () => root.removeEventListener('submit', hold, { capture: true });
}
