// DOCX export with the `docx` package: real Word headings, numbered lists that restart per
// list (one numbering instance each) and bulleted lists, bold, italic and links; all three
// languages side by side as a three-column table aligned on the master's blocks.
import {
	AlignmentType,
	Document,
	ExternalHyperlink,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import type { ExportBlock, ExportDocument, Run } from './model';

const NUMBERED = 'cta-numbered';

function children(runs: Run[]): ParagraphChild[] {
	return runs.map((run) => {
		const text = new TextRun({
			text: run.text === '\n' ? '' : run.text,
			break: run.text === '\n' ? 1 : undefined,
			bold: run.bold,
			italics: run.italic,
			style: run.href ? 'Hyperlink' : undefined
		});
		return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
	});
}

function paragraphs(block: ExportBlock, nextInstance: () => number): Paragraph[] {
	if (block.kind === 'heading') {
		return [
			new Paragraph({
				heading: block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
				children: children(block.runs)
			})
		];
	}
	if (block.kind === 'paragraph') return [new Paragraph({ children: children(block.runs), spacing: { after: 120 } })];
	const instance = nextInstance();
	return block.items.map(
		(item) =>
			new Paragraph({
				children: children(item),
				...(block.ordered ? { numbering: { reference: NUMBERED, level: 0, instance } } : { bullet: { level: 0 } })
			})
	);
}

export async function toDocx(doc: ExportDocument, labels: Record<string, string>): Promise<Uint8Array> {
	let instance = 0;
	const nextInstance = () => ++instance;
	const header = doc.languages.flatMap((language) => [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(language.title)] }),
		new Paragraph({ children: [new TextRun({ text: language.header, italics: true })], spacing: { after: 240 } })
	]);
	let body: (Paragraph | Table)[];
	if (doc.languages.length === 1) {
		body = doc.languages[0]!.blocks.flatMap((block) => paragraphs(block, nextInstance));
	} else {
		const width = Math.floor(100 / doc.languages.length);
		const cell = (content: Paragraph[]) =>
			new TableCell({ children: content, width: { size: width, type: WidthType.PERCENTAGE } });
		body = [
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: [
					new TableRow({
						tableHeader: true,
						children: doc.languages.map((l) =>
							cell([new Paragraph({ children: [new TextRun({ text: labels[l.language] ?? l.language, bold: true })] })])
						)
					}),
					...doc.rows.map(
						(row) =>
							new TableRow({
								children: row.map((block) => cell(block ? paragraphs(block, nextInstance) : [new Paragraph('—')]))
							})
					)
				]
			})
		];
	}
	const document = new Document({
		creator: 'Accord',
		title: doc.languages[0]?.title ?? 'Call to Action',
		// Named like Word's own styles, so Word, LibreOffice and converters see real headings.
		styles: {
			paragraphStyles: [
				{
					id: 'Title',
					name: 'Title',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { size: 36, bold: true }
				},
				{
					id: 'Heading2',
					name: 'Heading 2',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { size: 28, bold: true },
					paragraph: { spacing: { before: 240, after: 120 } }
				},
				{
					id: 'Heading3',
					name: 'Heading 3',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { size: 24, bold: true },
					paragraph: { spacing: { before: 200, after: 100 } }
				}
			]
		},
		numbering: {
			config: [
				{
					reference: NUMBERED,
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.START,
							style: { paragraph: { indent: { left: 720, hanging: 360 } } }
						}
					]
				}
			]
		},
		sections: [{ children: [...header, ...body] }]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}
