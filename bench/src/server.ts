/**
 * The API under test, in its own process (as in production): the real REST and tRPC handlers over
 * HTTP. Counts SQL statements per request and reports them at /__bench/statements.
 */
import { createAdaptorServer } from "@hono/node-server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { countStatements } from "@orchestrator/db";
import { appRouter, createContext } from "@orchestrator/modules";
import { handleRestRequest } from "@orchestrator/modules/rest";

const statements = new Map<string, number[]>();

const server = createAdaptorServer({
  fetch: async (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === "/__bench/statements") {
      const label = url.searchParams.get("label") ?? "";
      const counts = statements.get(label) ?? [];
      if (url.searchParams.has("reset")) statements.delete(label);
      return Response.json({ counts });
    }
    const label = req.headers.get("x-bench-label");
    const { result, statements: n } = await countStatements(async () =>
      url.pathname.startsWith("/api/trpc") ? fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) }) : handleRestRequest(req),
    );
    if (label) statements.set(label, [...(statements.get(label) ?? []), n]);
    return result;
  },
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
// process.exit (not a kill) so a --cpu-prof profile is written.
process.on("disconnect", () => process.exit(0));
