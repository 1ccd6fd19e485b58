/** Runs once when the server starts: fail fast on invalid configuration. */
export async function register(): Promise<void> {
  await import("./env");
}
