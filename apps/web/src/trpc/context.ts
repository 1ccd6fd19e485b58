import "server-only";
import { createContext, type Context } from "@orchestrator/modules";
import { cache } from "react";
import { incomingRequest } from "~/server/request";

/**
 * The tRPC context for this render, built exactly as the API route builds it (session cookie or
 * API token → principal → ScopedDb). Cached: layout and page share one authentication.
 * Kept apart from server.tsx so pages that only need the session (sign-in) don't pull the query
 * client's hydration component into their browser bundle.
 */
export const getRequestContext = cache(async (): Promise<Context> => createContext(await incomingRequest()));
