// A typed map from a part's variants to its classes. Eleven lines instead of a library:
// our variants never fight over a property, so nothing needs merging, and read-only pages
// carry every byte of JavaScript to phones on venue Wi-Fi.

type Options = Record<string, string>;
type Groups = Record<string, Options>;
/** An option by name; a group with `true`/`false` options also takes a boolean. */
type Choice<O> = keyof O | ('true' extends keyof O ? boolean : never);

export type VariantProps<Classes> = Classes extends (props: infer P) => string ? Omit<NonNullable<P>, 'class'> : never;

export function variants<G extends Groups>(config: {
	base: string | string[];
	variants: G;
	defaults: { [K in keyof G]: Choice<G[K]> };
}) {
	const base = [config.base].flat().join(' ');
	return (props: { [K in keyof G]?: Choice<G[K]> } & { class?: string } = {}): string => {
		const classes = [base];
		for (const group in config.variants) {
			const option = config.variants[group]![String(props[group] ?? config.defaults[group])];
			if (option) classes.push(option);
		}
		if (props.class) classes.push(props.class);
		return classes.join(' ');
	};
}
