export function clientHref(name: string): string {
  return `/clients/${encodeURIComponent(name)}`;
}
