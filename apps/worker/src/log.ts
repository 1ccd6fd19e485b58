/**
 * One JSON object per line on stdout/stderr. Callers pass ids, names and counts only: never a job's
 * payload or any value read from a document (PHI).
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type Logger = (level: "info" | "warn" | "error", msg: string, fields?: LogFields) => void;

export const jsonLogger: Logger = (level, msg, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, service: "worker", msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
};

/** An error's class and message, cut short: messages carry ids, but a bound keeps logs sane. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
