/** A `datetime-local` input's value (the user's local time) as the server's UTC timestamp "YYYY-MM-DD HH:MM:SS"; "" stays empty. */
export function localInputToTimestamp(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 19).replace("T", " ");
}
