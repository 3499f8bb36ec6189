// PDF export with pdfkit. The standard PDF fonts cannot write ș, ț or Cyrillic, so a
// Unicode TrueType font is embedded: DejaVu Sans from the dejavu-fonts-ttf package, which
// ships with the app, so any machine that ran `npm install` can export. ACCORD_PDF_FONT_DIR
// may name another folder holding DejaVuSans.ttf, DejaVuSans-Bold.ttf,
// DejaVuSans-Oblique.ttf and DejaVuSans-BoldOblique.ttf.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExportBlock, ExportDocument, Run } from './model';

const FACES = {
	regular: 'DejaVuSans.ttf',
	bold: 'DejaVuSans-Bold.ttf',
	italic: 'DejaVuSans-Oblique.ttf',
	boldItalic: 'DejaVuSans-BoldOblique.ttf'
};

export class PdfFontMissing extends Error {}

// Resolved at run time from node_modules (the package has no JavaScript, so the bundler
// leaves it alone); the package declares no "exports", so its package.json resolves.
function packagedFontDir(): string {
	const manifest = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
	return path.join(path.dirname(manifest), 'ttf');
}

function fontDir(): string {
	const dir = process.env.ACCORD_PDF_FONT_DIR || packagedFontDir();
	if (!existsSync(path.join(dir, FACES.regular))) {
		throw new PdfFontMissing(`No ${FACES.regular} in ${dir} (run npm install, or fix ACCORD_PDF_FONT_DIR)`);
	}
	return dir;
}

const face = (run: Pick<Run, 'bold' | 'italic'>) =>
	run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';

type Pdf = InstanceType<typeof PDFDocument>;

function writeRuns(
	pdf: Pdf,
	runs: Run[],
	size: number,
	options: { x?: number; y?: number; width: number; indent?: number }
): void {
	if (runs.length === 0) {
		pdf.font('regular').fontSize(size).text(' ', options.x, options.y, { width: options.width });
		return;
	}
	runs.forEach((run, index) => {
		const last = index === runs.length - 1;
		pdf
			.font(face(run))
			.fontSize(size)
			.fillColor(run.href ? '#1d4ed8' : '#0f172a');
		const opts = { width: options.width, continued: !last, link: run.href ?? undefined, underline: Boolean(run.href) };
		if (index === 0 && options.x !== undefined) pdf.text(run.text, options.x, options.y, opts);
		else pdf.text(run.text, opts);
	});
	pdf.fillColor('#0f172a');
}

function writeBlock(pdf: Pdf, block: ExportBlock, x: number, width: number, y?: number): void {
	if (block.kind === 'heading') {
		writeRuns(
			pdf,
			block.runs.map((run) => ({ ...run, bold: true })),
			block.level === 2 ? 15 : 13,
			{ x, y, width }
		);
	} else if (block.kind === 'paragraph') {
		writeRuns(pdf, block.runs, 11, { x, y, width });
	} else {
		block.items.forEach((item, index) => {
			const marker = block.ordered ? `${block.start + index}.` : '•';
			const top = index === 0 && y !== undefined ? y : pdf.y;
			pdf.font('regular').fontSize(11).text(marker, x, top, { width: 22 });
			writeRuns(pdf, item, 11, { x: x + 22, y: top, width: width - 22 });
		});
	}
	pdf.moveDown(0.5);
}

export function toPdf(doc: ExportDocument, labels: Record<string, string>): Promise<Uint8Array> {
	const dir = fontDir();
	const pdf = new PDFDocument({
		size: 'A4',
		margin: 56,
		info: { Title: doc.languages[0]?.title ?? 'Call to Action', Creator: 'Accord' }
	});
	for (const [name, file] of Object.entries(FACES)) pdf.registerFont(name, path.join(dir, file));
	const chunks: Buffer[] = [];
	pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve) =>
		pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
	);

	const left = pdf.page.margins.left;
	const width = pdf.page.width - left - pdf.page.margins.right;
	for (const language of doc.languages) {
		pdf.font('bold').fontSize(18).text(language.title, left, undefined, { width });
		pdf.font('italic').fontSize(10).fillColor('#475569').text(language.header, { width }).fillColor('#0f172a');
		pdf.moveDown(0.5);
	}
	pdf.moveDown();

	if (doc.languages.length === 1) {
		for (const block of doc.languages[0]!.blocks) writeBlock(pdf, block, left, width);
	} else {
		const gap = 12;
		const columns = doc.languages.length;
		const columnWidth = (width - gap * (columns - 1)) / columns;
		const columnX = (index: number) => left + index * (columnWidth + gap);
		const bottom = () => pdf.page.height - pdf.page.margins.bottom;
		// Every label on the same line: pdfkit moves pdf.y down after each text call.
		const labelTop = pdf.y;
		doc.languages.forEach((language, index) =>
			pdf
				.font('bold')
				.fontSize(11)
				.text(labels[language.language] ?? language.language, columnX(index), labelTop, {
					width: columnWidth,
					lineBreak: false
				})
		);
		pdf.x = left;
		pdf.moveDown(0.8);
		for (const row of doc.rows) {
			// Each row starts below the tallest cell of the previous one; a row that would not
			// fit starts on a new page (cells longer than a page flow on by themselves).
			if (pdf.y > bottom() - 60) pdf.addPage();
			const top = pdf.y;
			let lowest = top;
			row.forEach((block, index) => {
				if (block) writeBlock(pdf, block, columnX(index), columnWidth, top);
				else pdf.font('regular').fontSize(11).text('—', columnX(index), top, { width: columnWidth });
				lowest = Math.max(lowest, pdf.y);
			});
			pdf.x = left;
			pdf.y = lowest + 6;
		}
	}
	pdf.end();
	return done;
}
