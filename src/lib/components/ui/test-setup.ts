// Component tests render in English with the app's own messages, and unmount after each test.
import '@testing-library/svelte/vitest';
import { addMessages, init } from 'svelte-i18n';
import { readMessages } from '$lib/i18n/message-files';

addMessages('en', readMessages('en') as Parameters<typeof addMessages>[1]);
await init({ fallbackLocale: 'en', initialLocale: 'en' });
