// Component tests render in English with the app's own messages, and unmount after each test.
import '@testing-library/svelte/vitest';
import { addMessages, init } from 'svelte-i18n';
import en from '$lib/i18n/locales/en.json';

addMessages('en', en);
await init({ fallbackLocale: 'en', initialLocale: 'en' });
