import { describe, expect, it } from 'vitest';
import { cleanPastedHTML, pasteSize } from './paste.ts';

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">
<style>p.MsoNormal{margin:0cm}</style><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]--></head>
<body lang=EN-GB><p class=MsoNormal><b>Key points<o:p></o:p></b></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><![endif]>Invest in supervision<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>Train managers</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.</span>Adopt a law</p>
<p onclick="alert(1)">Plain <a href="javascript:alert(1)" onmouseover="x()">link</a><script>alert(2)</script></p></body></html>`;

describe('paste filter', () => {
	it('turns Word HTML into clean lists and paragraphs, without markers, styles or handlers', () => {
		const cleaned = cleanPastedHTML(WORD);
		expect(cleaned).not.toMatch(/mso|Mso|o:p|<style|<meta|<script|onclick|onmouseover|·/);
		expect(cleaned).toContain('<ul><li><p>Invest in supervision</p></li><li><p>Train managers</p></li></ul>');
		expect(cleaned).toContain('<ol><li><p>Adopt a law</p></li></ol>');
		expect(cleaned).toContain('<b>Key points</b>');
		// The href stays for the link extension to judge (it refuses javascript:).
		expect(cleaned).toContain('<p>Plain <a href="javascript:alert(1)">link</a></p>');
	});

	it('measures a paste by its larger flavour, in UTF-8 bytes', () => {
		expect(pasteSize('<p>ăî</p>', 'ăî')).toBe(11);
		expect(pasteSize('', 'x'.repeat(10))).toBe(10);
	});
});
