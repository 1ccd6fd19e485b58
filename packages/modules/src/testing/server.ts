import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../root";
import { createContext } from "../trpc/context";
import { handleRestRequest } from "../rest";

/** Serves the REST and tRPC handlers over real HTTP on a free port, as the web app mounts them. */
export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createAdaptorServer({
    fetch: (req: Request) =>
      new URL(req.url).pathname.startsWith("/api/trpc")
        ? fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext(req) })
        : handleRestRequest(req),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
