/**
 * The client's IP: the first hop of X-Forwarded-For, else X-Real-IP. Only meaningful behind our nginx,
 * which must overwrite (not append to) X-Forwarded-For, or clients could pick their own IP and dodge
 * the per-IP login limit (the per-account limit still holds).
 */
export function clientIpFromHeaders(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  if (first) return first;
  return headers.get("x-real-ip")?.trim() || undefined;
}
