export { live, type LiveSource, type LiveStatus, type PostgresChangesSource } from './live.svelte';
