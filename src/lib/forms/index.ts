// One way to take a form post: a valibot schema in domain types, typed values out, or
// `fail(status, { errors, values })` with a message key per field and everything the
// person typed, so a refused form comes back as they left it (with or without JavaScript).
import { fail, type ActionFailure } from '@sveltejs/kit';
import * as v from 'valibot';
import { defaultMessageKey, errorsOf, type FormMessage } from './form-errors.ts';
import { readFormData, type FormValues } from './form-input.ts';

export type { FormMessage } from './form-errors.ts';
export type { FormValues } from './form-input.ts';
export { translatedText } from './fields.ts';

type FormSchema = v.GenericSchema<Record<string, unknown>>;

/** Per-field message keys, by the field's form name (`email`, `title.ro`); `form` for the whole form. */
export type FormErrors<S extends FormSchema> = Partial<Record<v.IssueDotPath<S>, FormMessage>> & { form?: FormMessage };

/** What an action returns for a refused form; the page reads it as `form.errors` and `form.values`. */
export interface FormFailure<S extends FormSchema> {
	errors: FormErrors<S>;
	values: FormValues<v.InferInput<S>>;
}

interface Refuse<S extends FormSchema> {
	/**
	 * The form back to its page with the values typed: by default the schema's own
	 * errors (400); or a message about the whole form (e.g. 429 with `auth.errors.rateLimited`).
	 */
	fail(status?: number, errors?: FormErrors<S> | string): ActionFailure<FormFailure<S>>;
}

export type FormSubmission<S extends FormSchema> = Refuse<S> &
	(
		| { valid: true; data: v.InferOutput<S>; values: FormValues<v.InferInput<S>> }
		| { valid: false; errors: FormErrors<S>; values: FormValues<v.InferInput<S>> }
	);

/** A form post checked against an object schema. Fields the schema does not name are ignored. */
export function parseForm<S extends FormSchema>(data: FormData, schema: S): FormSubmission<S> {
	const { input, values: raw } = readFormData(schema, data);
	const values = raw as FormValues<v.InferInput<S>>;
	const result = v.safeParse(schema, input, { message: defaultMessageKey });
	const errors = (result.success ? {} : errorsOf(result.issues)) as FormErrors<S>;
	const refuse: Refuse<S>['fail'] = (status = 400, more = errors) => {
		// TypeScript cannot see that `form` is always among a generic schema's error keys.
		const wholeForm = { form: { key: String(more) } } as FormErrors<S>;
		return fail(status, { errors: typeof more === 'string' ? wholeForm : more, values });
	};
	return result.success
		? { valid: true, data: result.output, values, fail: refuse }
		: { valid: false, errors, values, fail: refuse };
}

/** The request's form post checked against an object schema. */
export async function readForm<S extends FormSchema>(request: Request, schema: S): Promise<FormSubmission<S>> {
	return parseForm(await request.formData(), schema);
}
