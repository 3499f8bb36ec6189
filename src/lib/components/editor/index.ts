// The shared rich-text editor (session notes, Call to Action). Import it dynamically:
// it brings TipTap and Yjs, which pages that do not edit must not carry.
export { default as RichTextEditor } from './RichTextEditor.svelte';
export { default as ConnectionIndicator } from './ConnectionIndicator.svelte';
