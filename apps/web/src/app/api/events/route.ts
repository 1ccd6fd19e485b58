import { authenticateRequest } from "@orchestrator/auth";
import { liveEventStream } from "@orchestrator/modules/events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Live updates as server-sent events: changes to Clients and Tasks this user may read, fed by Redis
 * pub/sub through one shared subscriber per process. Signed out (or a bad token): 401.
 */
export async function GET(req: Request): Promise<Response> {
  let auth: Awaited<ReturnType<typeof authenticateRequest>> = null;
  try {
    auth = await authenticateRequest(req);
  } catch {
    auth = null;
  }
  if (!auth) return Response.json({ exc_type: "AuthenticationError", exception: "Not signed in" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return new Response(liveEventStream(auth.principal, req.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // nginx: do not buffer the stream.
      "X-Accel-Buffering": "no",
    },
  });
}
