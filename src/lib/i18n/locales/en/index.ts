import { mergeMessages, type Messages } from '../../merge-messages.ts';

// Eager: the locale's feature files become one chunk, fetched once before hydration.
export default mergeMessages(import.meta.glob<Messages>('./*.json', { eager: true, import: 'default' }));
