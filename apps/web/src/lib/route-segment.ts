/** A dynamic route segment as the user typed it; a malformed %-escape is kept as it is rather than failing the page. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
