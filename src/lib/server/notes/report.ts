// The session report people download: the notes (headings, lists, emphasis and links
// kept) and every recommendation with its status and endorsements, in the session's
// language, as Markdown or as a Word document (the docx package).
import {
	AlignmentType,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	TextRun,
	type ParagraphChild
} from 'docx';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { isAllowedHref } from '../../domain/links';
import { toMarkdown } from '../render/rich-text';
import type { ReportRecommendation } from './index';
import { notesText } from './session-language';

export interface SessionReport {
	eventTitle: string;
	sessionTitle: string;
	language: 'en' | 'ro' | 'ru';
	notes: ProseMirrorNode;
	recommendations: ReportRecommendation[];
	generatedAt: Date;
	timeZone: string;
}

const STATUS_KEYS = {
	proposed: 'notes.report.statusProposed',
	accepted: 'notes.report.statusAccepted',
	merged: 'notes.report.statusMerged',
	rejected: 'notes.report.statusRejected'
} as const satisfies Record<ReportRecommendation['status'], string>;

/** The report's words in the session's language. */
function wordsIn(language: string) {
	return {
		title: notesText(language, 'notes.report.title'),
		notes: notesText(language, 'notes.report.notes'),
		recommendations: notesText(language, 'notes.report.recommendations'),
		noRecommendations: notesText(language, 'notes.report.noRecommendations'),
		endorsements: notesText(language, 'notes.report.endorsements'),
		generated: notesText(language, 'notes.report.generated'),
		status: (status: ReportRecommendation['status']) => notesText(language, STATUS_KEYS[status])
	};
}
type Words = ReturnType<typeof wordsIn>;

function generatedLine(report: SessionReport, words: Words): string {
	const date = new Intl.DateTimeFormat(report.language, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: report.timeZone
	}).format(report.generatedAt);
	return words.generated.replace('{date}', date);
}

/** Markdown-escaped text for the report's own lines (titles, recommendations). */
function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_{}[\]()#+\-.!|>~]/g, (c) => `\\${c}`)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/\s*\n\s*/g, ' ');
}

export function reportMarkdown(report: SessionReport): string {
	const words = wordsIn(report.language);
	const number = new Intl.NumberFormat(report.language);
	const lines = [
		`# ${escapeMarkdown(report.sessionTitle)}`,
		'',
		`*${escapeMarkdown(report.eventTitle)} · ${escapeMarkdown(words.title)}*`,
		'',
		`## ${words.notes}`,
		'',
		// The notes' own headings sit one level below the report's sections.
		toMarkdown(report.notes).replace(/^(#{2,5}) /gm, '#$1 '),
		'',
		`## ${words.recommendations}`,
		''
	];
	if (report.recommendations.length === 0) lines.push(words.noRecommendations);
	report.recommendations.forEach((item, index) => {
		lines.push(
			`${index + 1}. ${escapeMarkdown(item.text)} — *${words.status(item.status)}*, ${words.endorsements}: ${number.format(item.endorsements)}`
		);
	});
	lines.push('', `*${escapeMarkdown(generatedLine(report, words))}*`, '');
	return lines.join('\n');
}

const HEADINGS = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runsOf(block: ProseMirrorNode): ParagraphChild[] {
	const children: ParagraphChild[] = [];
	block.forEach((inline) => {
		if (inline.type.name === 'hardBreak') {
			children.push(new TextRun({ text: '', break: 1 }));
			return;
		}
		const has = (name: string) => inline.marks.some((mark: Mark) => mark.type.name === name);
		const link = inline.marks.find((mark: Mark) => mark.type.name === 'link');
		const href = typeof link?.attrs.href === 'string' && isAllowedHref(link.attrs.href) ? link.attrs.href : null;
		const run = new TextRun({
			text: inline.text ?? '',
			bold: has('bold'),
			italics: has('italic'),
			style: href ? 'Hyperlink' : undefined
		});
		children.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
	});
	return children;
}

/** The notes as Word paragraphs: headings one level below the report's, real Word lists. */
function notesParagraphs(node: ProseMirrorNode, depth = 0, list: 'bullet' | 'ordered' | null = null): Paragraph[] {
	const out: Paragraph[] = [];
	node.forEach((child) => {
		switch (child.type.name) {
			case 'heading': {
				const level = (child.attrs.level === 3 ? 3 : 2) as 2 | 3;
				out.push(new Paragraph({ heading: HEADINGS[level], children: runsOf(child) }));
				break;
			}
			case 'paragraph':
				out.push(
					new Paragraph({
						children: runsOf(child),
						...(list === 'bullet' ? { bullet: { level: Math.max(depth - 1, 0) } } : {}),
						...(list === 'ordered' ? { numbering: { reference: 'notes-ordered', level: Math.max(depth - 1, 0) } } : {})
					})
				);
				break;
			case 'bulletList':
			case 'orderedList':
				child.forEach((item) => {
					out.push(...notesParagraphs(item, depth + 1, child.type.name === 'bulletList' ? 'bullet' : 'ordered'));
				});
				break;
			default:
				out.push(...notesParagraphs(child, depth, list));
		}
	});
	return out;
}

export async function reportDocx(report: SessionReport): Promise<Uint8Array> {
	const words = wordsIn(report.language);
	const number = new Intl.NumberFormat(report.language);
	const recommendations =
		report.recommendations.length === 0
			? [new Paragraph({ children: [new TextRun(words.noRecommendations)] })]
			: report.recommendations.map(
					(item) =>
						new Paragraph({
							numbering: { reference: 'recommendations', level: 0 },
							children: [
								new TextRun(item.text),
								new TextRun({ text: ` — ${words.status(item.status)}`, italics: true }),
								new TextRun(`, ${words.endorsements}: ${number.format(item.endorsements)}`)
							]
						})
				);
	const ordered = (reference: string) => ({
		reference,
		levels: [0, 1, 2, 3].map((level) => ({
			level,
			format: LevelFormat.DECIMAL,
			text: `%${level + 1}.`,
			alignment: AlignmentType.START,
			style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } }
		}))
	});
	const document = new Document({
		creator: 'Accord',
		title: `${words.title}: ${report.sessionTitle}`,
		numbering: { config: [ordered('notes-ordered'), ordered('recommendations')] },
		sections: [
			{
				children: [
					new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.sessionTitle)] }),
					new Paragraph({
						children: [new TextRun({ text: `${report.eventTitle} · ${words.title}`, italics: true })]
					}),
					new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(words.notes)] }),
					...notesParagraphs(report.notes),
					new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(words.recommendations)] }),
					...recommendations,
					new Paragraph({ children: [new TextRun({ text: generatedLine(report, words), italics: true })] })
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}
