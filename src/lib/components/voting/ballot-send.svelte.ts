// The state of one ballot row's send on unreliable Wi-Fi. A vote shows as sent only once
// the server answered that the database took it; a send that did not reach the database
// (no network, a timeout, a 5xx) is retried with growing pauses and when the browser
// comes back online, and stays on screen as "not sent" until then. A refusal by the
// database (round closed, not a delegate…) is shown with its translated message and not
// retried: sending it again would be refused again.

export type SendStatus = 'idle' | 'sending' | 'sent' | 'failed' | 'refused';

const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export class BallotSend {
	status = $state<SendStatus>('idle');
	/** The message key of a refusal or failure. */
	message = $state<string | undefined>(undefined);
	attempts = $state(0);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#resend: () => void;

	constructor(resend: () => void) {
		this.#resend = resend;
	}

	started() {
		clearTimeout(this.#timer);
		this.status = 'sending';
		this.message = undefined;
	}

	succeeded() {
		this.status = 'sent';
		this.attempts = 0;
	}

	refused(key: string) {
		this.status = 'refused';
		this.message = key;
		this.attempts = 0;
	}

	/** The send did not reach the database: try again later, and as soon as we are online. */
	failed(key: string) {
		this.status = 'failed';
		this.message = key;
		const delay = RETRY_DELAYS_MS[Math.min(this.attempts, RETRY_DELAYS_MS.length - 1)]!;
		this.attempts += 1;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#resend(), delay);
	}

	/** Called on the browser's `online` event. */
	online() {
		if (this.status === 'failed') {
			clearTimeout(this.#timer);
			this.#resend();
		}
	}

	stop() {
		clearTimeout(this.#timer);
	}
}
