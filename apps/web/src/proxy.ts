import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "./lib/request-path";

/**
 * Forwards the page's path and query to server components (layouts don't receive the URL) so an
 * expired session can send the user to /login and back. No auth decisions here: the (app) layout
 * and every tRPC procedure check the session themselves. Any incoming copy of the header is
 * overwritten, so a client cannot choose it.
 */
export function proxy(request: NextRequest): NextResponse {
  const url = request.nextUrl;
  const search = new URLSearchParams(url.search);
  search.delete("_rsc"); // Next's internal cache-busting parameter on client navigations
  const query = search.toString();
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, query ? `${url.pathname}?${query}` : url.pathname);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not API routes, build assets or files with an extension.
  matcher: ["/((?!api/|_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)"],
};
