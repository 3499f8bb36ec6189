// A <Form> tells the fields inside it what the server refused, so each <Field name>
// shows its own message and the first refused field takes focus.
import { createContext } from 'svelte';
import type { FormMessage } from '$lib/forms';

export type FieldErrors = Partial<Record<string, FormMessage>>;

export interface FormState {
	readonly errors: FieldErrors;
	/** The first field with an error, in the order the schema checks them (the order on the page). */
	readonly firstInvalid: string | undefined;
	/** The id of the form's visible "needs a connection" note, for its submit buttons. */
	readonly needsConnectionNote: string;
}

const [getFormState, setFormState, hasFormState] = createContext<FormState>();

/** The enclosing form's state, or none for a field outside a <Form>. */
export function formState(): FormState | undefined {
	return hasFormState() ? getFormState() : undefined;
}

export { setFormState };
