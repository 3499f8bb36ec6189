export { default as RecommendationBoard } from './RecommendationBoard.svelte';
export type { BoardData, BoardFormResult } from './board-types';
