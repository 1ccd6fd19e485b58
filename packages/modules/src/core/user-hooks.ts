import { invalidatePrincipal, refreshUserApiKeys, revokeUserSessions } from "@orchestrator/auth";

/**
 * After a User document changes through the data layer: roles and departments take effect at once
 * (the cached principal is dropped); a disabled or deleted user loses their sessions and API keys.
 */
export async function afterUserWrite(event: { action: "create" | "update" | "delete"; name: string; changed: readonly string[] }): Promise<void> {
  await invalidatePrincipal(event.name);
  if (event.action === "delete" || event.changed.includes("enabled")) {
    await revokeUserSessions(event.name);
    await refreshUserApiKeys(event.name);
  }
}
