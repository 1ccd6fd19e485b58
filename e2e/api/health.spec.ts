import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the database and Redis up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body: unknown = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "up", redis: "up" });
});
