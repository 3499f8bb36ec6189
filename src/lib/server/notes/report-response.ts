// GET …/<session>/report.md and report.docx: the session report for anyone who may read
// the session's notes (session_notes_state refuses the others).
import { error, type RequestEvent } from '@sveltejs/kit';
import { DataError } from '../errors';
import { eventOf } from '../event-context';
import * as programme from '../programme';
import * as notes from './index';
import { reportDocx, reportMarkdown, type SessionReport } from './report';
import { inLanguage } from './session-language';

async function reportOf({ locals, params }: RequestEvent<{ event: string; session: string }>): Promise<SessionReport> {
	const event = await eventOf(locals, params.event);
	const session = await programme.session(locals.supabase, event.id, params.session);
	if (!session) error(404, { message: 'Session not found' });
	try {
		const [stored, recommendations] = await Promise.all([
			notes.stored(locals.supabase, session.id),
			notes.recommendations(locals.supabase, session.id)
		]);
		const language = event.default_language;
		return {
			eventTitle: inLanguage(event.title, language),
			sessionTitle: inLanguage(session.title, language),
			language,
			notes: stored,
			recommendations,
			generatedAt: new Date(),
			timeZone: event.timezone
		};
	} catch (cause) {
		if (cause instanceof DataError && cause.code === '42501') error(403, { message: 'No access to these notes' });
		throw cause;
	}
}

function fileName(report: SessionReport, extension: string): string {
	const slug = report.sessionTitle
		.normalize('NFKD')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `${slug || 'session'}.${extension}`;
}

function disposition(name: string): string {
	return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function markdownReport(event: RequestEvent<{ event: string; session: string }>): Promise<Response> {
	const report = await reportOf(event);
	return new Response(reportMarkdown(report), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': disposition(fileName(report, 'md')),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

export async function docxReport(event: RequestEvent<{ event: string; session: string }>): Promise<Response> {
	const report = await reportOf(event);
	const body = await reportDocx(report);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': disposition(fileName(report, 'docx')),
			'cache-control': 'private, no-store'
		}
	});
}
