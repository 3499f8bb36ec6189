// The delegate import: upload → preview → import. The preview keeps no state on the
// server: it sends the file's text back in the page (a hidden field), and the import
// posts that text again and reads and checks it afresh, so any server instance can take
// either step, a restart in between loses nothing, and nothing unchecked is written.
import { fail } from '@sveltejs/kit';
import { parseDelegates, type DelegateRow, type ImportProblem } from '$lib/domain/csv/delegates';
import { errorMessageKey, errorStatus } from '$lib/domain/errors';
import { DataError } from '$lib/server/errors';
import { eventOf } from '$lib/server/event-context';
import * as memberImport from '$lib/server/member-import';
import type { Actions, PageServerLoad } from './$types';

/** Problems listed on the page; the rest are counted (a 10,000-row file may have 10,000). */
const PROBLEMS_SHOWN = 100;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const load = (async ({ params, locals }) => {
	await eventOf(locals, params.event);
	return {};
}) satisfies PageServerLoad;

export interface ImportPreview {
	fileName: string;
	content: string;
	rowCount: number;
	newCount: number;
	existingCount: number;
	problems: ImportProblem[];
	problemCount: number;
	sample: Pick<DelegateRow, 'line' | 'email' | 'displayName' | 'countryCode' | 'role'>[];
}

async function readUpload(data: FormData): Promise<{ fileName: string; content: string } | 'missing' | 'tooLarge'> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_FILE_BYTES) return 'tooLarge';
		return { fileName: file.name, content: await file.text() };
	}
	const content = data.get('content');
	const fileName = data.get('fileName');
	if (typeof content === 'string' && content !== '') {
		return { fileName: typeof fileName === 'string' ? fileName : '', content };
	}
	return 'missing';
}

async function check(locals: App.Locals, eventId: string, fileName: string, content: string) {
	const [countries, existing] = await Promise.all([
		memberImport.countries(locals.supabase),
		memberImport.memberEmails(locals.supabase, eventId)
	]);
	const parsed = parseDelegates(content, countries);
	const existingCount = parsed.rows.filter((row) => existing.has(row.email)).length;
	const preview: ImportPreview = {
		fileName,
		content,
		rowCount: parsed.rows.length,
		newCount: parsed.rows.length - existingCount,
		existingCount,
		problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
		problemCount: parsed.problems.length,
		sample: parsed.rows.slice(0, 5).map(({ line, email, displayName, countryCode, role }) => ({
			line,
			email,
			displayName,
			countryCode,
			role
		}))
	};
	return { rows: parsed.rows, preview };
}

/** A database refusal as the page shows it: a translated message, the preview kept. */
function refused(error: unknown, preview?: ImportPreview) {
	if (!(error instanceof DataError)) throw error;
	return fail(errorStatus(error), { importError: errorMessageKey(error), preview });
}

export const actions = {
	preview: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const upload = await readUpload(await request.formData());
		if (upload === 'missing') return fail(400, { uploadError: 'peopleImport.fileMissing' as const });
		if (upload === 'tooLarge') return fail(413, { uploadError: 'peopleImport.fileTooLarge' as const });
		try {
			return { preview: (await check(locals, event.id, upload.fileName, upload.content)).preview };
		} catch (error) {
			return refused(error);
		}
	},

	import: async ({ request, locals, params }) => {
		const event = await eventOf(locals, params.event);
		const upload = await readUpload(await request.formData());
		if (typeof upload === 'string') return fail(400, { uploadError: 'peopleImport.fileMissing' as const });
		let checked: Awaited<ReturnType<typeof check>> | undefined;
		try {
			checked = await check(locals, event.id, upload.fileName, upload.content);
			if (checked.preview.problemCount > 0) return fail(400, { preview: checked.preview });
			return { summary: await memberImport.importRows(locals.supabase, event.id, checked.rows) };
		} catch (error) {
			return refused(error, checked?.preview);
		}
	}
} satisfies Actions;
