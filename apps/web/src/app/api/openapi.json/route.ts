import { restHandlers } from "~/server/rest-route";

export const dynamic = "force-dynamic";

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = restHandlers();
