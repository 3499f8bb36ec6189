// What one REST request may cost. The local stack serves every user from one process
// (and, on PGlite, runs SQL on its only thread, where no statement timeout can fire), so
// work is bounded before SQL (nesting), and inside it (rows, bytes). Supabase's own
// limits, where it has them: max_rows from config.toml and the per-role statement
// timeouts (platform-rest.sql).

/** Rows a read returns at most (config.toml `[api] max_rows`, PostgREST's db-max-rows). */
export const MAX_ROWS = 1000;
/** The response body of a read. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/**
 * Bytes of embedded bodies placed inside other embedded resources, summed over the
 * statement. Past the response limit they cannot make a response anyway; counting stops
 * the statement while it builds them rather than after.
 */
export const NESTED_EMBED_BYTES = MAX_RESPONSE_BYTES;
/** Levels of embedded resources in one select (`a(b(c(d)))` is 3). */
export const MAX_EMBED_DEPTH = 4;
/** Nested and/or groups in one logic tree. */
export const MAX_LOGIC_DEPTH = 16;
/** Arrows in one JSON path (`col->a->b`). */
export const MAX_JSON_PATH = 16;
