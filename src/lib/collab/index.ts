// The client side of collaborative editing (DESIGN §3.2, §5).
export { createCollabConnection } from './collab-connection.ts';
export type { CollabConnection, CollabConnectionOptions } from './collab-connection.ts';
export { CollabStatus } from './collab-status.svelte.ts';
export { connectionView, initialConnectionState } from './connection-state.ts';
export type { CollabConnectionState, ConnectionStatus, ConnectionView } from './connection-state.ts';
export { CLOSE_CODES, closeKind } from './protocol.ts';
export type { CloseKind, CollabAccess } from './protocol.ts';
