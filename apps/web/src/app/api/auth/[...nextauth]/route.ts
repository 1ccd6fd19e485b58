import { handlers } from "@orchestrator/auth/next-auth";

export const dynamic = "force-dynamic";

export const { GET, POST } = handlers;
