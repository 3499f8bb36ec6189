import { isUuid } from '$lib/domain/uuid';
import { error } from '@sveltejs/kit';
import { docxReport } from '$lib/server/notes/report-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	if (!isUuid(event.params.session)) error(404, { message: 'Session not found' });
	return docxReport(event);
};
