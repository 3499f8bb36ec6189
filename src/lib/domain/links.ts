// Which links rich text may keep. Its own module, free of TipTap: the server-rendered Call
// to Action text needs it in the browser, and importing it from the editor's schema pulled
// all of TipTap into that page's eager JavaScript (bench/README.md, "Draft page").

/** Schemes a link may point to; anything else (javascript:, data:, vbscript:) is dropped. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** Whether `href` is a link we keep: an allowed scheme, or a relative path on this site. */
export function isAllowedHref(href: string): boolean {
	// Browsers ignore tabs, newlines and leading control characters in a scheme ("java\tscript:").
	// eslint-disable-next-line no-control-regex
	const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
	if (!scheme) return /^(\/(?!\/)|#)/.test(cleaned);
	return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}
