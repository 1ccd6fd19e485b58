import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { REQUEST_PATH_HEADER } from "~/lib/request-path";

/** Path and query of the page being rendered (set by proxy.ts); "/" when unknown. */
export async function currentPath(): Promise<string> {
  return (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
}

/**
 * The incoming request as a fetch `Request` (cookies, authorization, forwarding headers), for
 * code that authenticates requests the same way the API routes do. One per render.
 */
export const incomingRequest = cache(async (): Promise<Request> => {
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? "localhost";
  const proto = incoming.get("x-forwarded-proto") ?? "http";
  const path = incoming.get(REQUEST_PATH_HEADER) ?? "/";
  let url: URL;
  try {
    url = new URL(path, `${proto === "https" ? "https" : "http"}://${host}`);
  } catch {
    url = new URL(path, "http://localhost"); // a malformed Host header must not break rendering
  }
  return new Request(url, { headers: new Headers(incoming) });
});
