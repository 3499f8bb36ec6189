export { connection, dataArrived, isNetworkFailure, reportFailedFetch, watchConnection } from './connection.svelte';
export { holdWritesWhileOffline } from './hold-writes';
