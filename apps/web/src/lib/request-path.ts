/**
 * Request header set by proxy.ts with the path and query of the page being rendered, so server
 * layouts (which do not receive the URL) can send the user back there after signing in.
 */
export const REQUEST_PATH_HEADER = "x-orchestrator-path";
