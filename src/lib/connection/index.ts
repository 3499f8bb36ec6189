export { connection, dataArrived, isNetworkFailure, reportFailedFetch, watchConnection } from './connection.svelte';
