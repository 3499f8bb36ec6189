// What a paste may bring into an editor. ProseMirror already parses pasted HTML against
// the schema (unknown elements become their text, scripts and styles are ignored); this
// removes what Word and web pages add that would otherwise survive as text or as odd
// structure — conditional comments, list-marker spans, Office namespaces — and turns
// Word's paragraph-lists into real lists. It runs in the browser (DOMParser).

/** Bytes of clipboard content a single paste may carry. */
export const DEFAULT_PASTE_LIMIT_BYTES = 1_000_000;

const DROP = 'script,style,meta,link,title,xml,template,iframe,object,embed,svg,math,img,video,audio,form,input,button';

/** Size of a paste in bytes (UTF-8), whichever flavour is larger. */
export function pasteSize(html: string, text: string): number {
	const encoder = new TextEncoder();
	return Math.max(encoder.encode(html).length, encoder.encode(text).length);
}

function isWordListParagraph(element: Element): boolean {
	return (
		element.tagName === 'P' &&
		(/\bMsoListParagraph/i.test(element.className) || /mso-list:\s*l\d/i.test(element.getAttribute('style') ?? ''))
	);
}

/** Word writes the bullet or number as text inside `mso-list:Ignore` spans; returns it, removed. */
function takeWordListMarker(paragraph: Element): string {
	let marker = '';
	for (const span of [...paragraph.querySelectorAll('span')]) {
		if (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
			marker += span.textContent ?? '';
			span.remove();
		}
	}
	return marker.trim();
}

function convertWordLists(body: HTMLElement, doc: Document): void {
	const paragraphs = [...body.querySelectorAll('p')].filter(isWordListParagraph);
	let list: HTMLElement | null = null;
	for (const paragraph of paragraphs) {
		const marker = takeWordListMarker(paragraph);
		const ordered = /^[0-9a-z]{1,3}[.)]$/i.test(marker);
		const previous = paragraph.previousElementSibling;
		const continues = list !== null && previous === list && list.tagName === (ordered ? 'OL' : 'UL');
		if (!continues) {
			list = doc.createElement(ordered ? 'ol' : 'ul');
			paragraph.before(list);
		}
		const item = doc.createElement('li');
		const text = doc.createElement('p');
		text.append(...paragraph.childNodes);
		item.append(text);
		list!.append(item);
		paragraph.remove();
	}
}

function removeComments(root: Node, doc: Document): void {
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
	const comments: Node[] = [];
	while (walker.nextNode()) comments.push(walker.currentNode);
	for (const comment of comments) comment.parentNode?.removeChild(comment);
}

/** Pasted HTML with Office and web clutter removed; ProseMirror then keeps only the schema. */
export function cleanPastedHTML(html: string): string {
	// Word wraps list markers and VML in conditional comments that DOMParser would read as text.
	// Inline event handlers go before any parser sees them: nothing would run them (the parse
	// is inert and the page's CSP forbids inline handlers), but Chrome reports each one it
	// parses as a CSP violation. The DOM pass below removes every other attribute anyway.
	const withoutConditionals = html
		.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
		.replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
		.replace(/\s(?:on[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
	const doc = new DOMParser().parseFromString(withoutConditionals, 'text/html');
	const body = doc.body;
	for (const element of [...body.querySelectorAll(DROP)]) element.remove();
	// Office namespaced elements (<o:p>, <v:shape>, <w:...>) carry no text worth keeping.
	for (const element of [...body.querySelectorAll('*')]) {
		if (element.tagName.includes(':')) element.replaceWith(...element.childNodes);
	}
	removeComments(body, doc);
	convertWordLists(body, doc);
	for (const element of [...body.querySelectorAll('*')]) {
		// Only the schema's own parsers read attributes; event handlers and classes go.
		for (const attribute of [...element.attributes]) {
			const keep =
				(element.tagName === 'A' && attribute.name === 'href') ||
				(attribute.name === 'style' && /font-(weight|style)/i.test(attribute.value));
			if (!keep) element.removeAttribute(attribute.name);
		}
	}
	return body.innerHTML;
}
