/** The saved replies page's URL state: `?team=Billing&q=refund` → `kb.replies` input. */
export function repliesInput(search: URLSearchParams): { team?: string; search?: string } {
  const team = search.get("team")?.trim().slice(0, 140);
  const q = search.get("q")?.trim().slice(0, 140);
  return { ...(team ? { team } : {}), ...(q ? { search: q } : {}) };
}
