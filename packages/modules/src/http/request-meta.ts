/** The client's IP: the first hop of X-Forwarded-For (set by our nginx), else X-Real-IP. */
export function clientIp(req: Request): string | undefined {
  const forwarded = req.headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]?.trim() || undefined;
  return req.headers.get("x-real-ip") ?? undefined;
}
