// Every look a UI part can take, in one place. Colours hold WCAG 2.2 AA: text at least
// 4.5:1 on its background, borders of controls at least 3:1 against white (1.4.11).
import { variants, type VariantProps } from './variant-classes';

export const button = variants({
	base: [
		'inline-flex items-center justify-center gap-2 rounded-md font-semibold transition-colors',
		'aria-disabled:cursor-not-allowed aria-disabled:opacity-60 disabled:cursor-not-allowed disabled:opacity-60'
	],
	variants: {
		variant: {
			primary: 'bg-brand-700 text-white hover:bg-brand-800',
			secondary: 'border border-slate-500 bg-white text-slate-900 hover:bg-slate-100',
			ghost: 'text-brand-700 hover:bg-brand-50 hover:text-brand-900',
			danger: 'bg-red-700 text-white hover:bg-red-800'
		},
		size: {
			sm: 'min-h-8 px-3 py-1.5 text-sm',
			md: 'min-h-10 px-4 py-2 text-base'
		},
		block: { true: 'w-full' }
	},
	defaults: { variant: 'primary', size: 'md', block: false }
});
export type ButtonVariants = VariantProps<typeof button>;

export const badge = variants({
	base: 'inline-flex items-center rounded px-2 py-0.5 font-medium',
	variants: {
		tone: {
			neutral: 'bg-slate-100 text-slate-700',
			brand: 'bg-brand-50 text-brand-800',
			solid: 'bg-brand-700 font-mono font-semibold text-white',
			success: 'bg-emerald-100 text-emerald-900',
			warning: 'bg-amber-100 text-amber-900',
			note: 'bg-violet-100 text-violet-900'
		},
		size: { sm: 'text-xs', md: 'text-sm' }
	},
	defaults: { tone: 'neutral', size: 'md' }
});
export type BadgeVariants = VariantProps<typeof badge>;

export const card = variants({
	base: 'rounded-lg border bg-white shadow-sm',
	variants: {
		padding: { sm: 'p-4', md: 'p-4 sm:p-5', lg: 'p-6' },
		highlight: { true: 'border-emerald-400 ring-2 ring-emerald-200', false: 'border-slate-200' }
	},
	defaults: { padding: 'md', highlight: false }
});
export type CardVariants = VariantProps<typeof card>;

export const alert = variants({
	base: 'rounded-lg border p-4',
	variants: {
		tone: {
			info: 'border-brand-200 bg-brand-50 text-brand-900',
			success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
			warning: 'border-amber-300 bg-amber-50 text-amber-900',
			danger: 'border-red-300 bg-red-50 text-red-900'
		}
	},
	defaults: { tone: 'info' }
});
export type AlertVariants = VariantProps<typeof alert>;

export const input = variants({
	variants: {},
	defaults: {},
	base: [
		'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm',
		'placeholder:text-slate-500 focus:border-brand-700',
		'aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700'
	]
});
