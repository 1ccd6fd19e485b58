import { safeErrorSummary } from "@orchestrator/db";

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

/** What a log line may say about a failure: no message of a failed query (it repeats the parameters). */
export function describeError(error: unknown): string {
  return JSON.stringify(safeErrorSummary(error));
}
