/**
 * Sums what scripts/test.sh ran into one honest line. Run with tsx:
 *
 *   test-summary.ts STAGES_FILE
 *
 * STAGES_FILE has one tab-separated line per stage: `label  kind  exit_code  argument`, where kind is
 *   checks      argument = turbo log; failed tasks come from turbo's run summary (--summarize)
 *   vitest      argument = turbo log + ":" + report file name each package's vitest wrote under
 *               its test-results/ (vitest's JSON reporter)
 *   playwright  argument = Playwright's JSON report
 *   step        no argument: one thing that either worked (exit 0) or failed
 *
 * Passed = tests vitest and Playwright report as passed (a Playwright test that passed on retry
 * counts as passed and is listed as flaky). Failed = failed tests, plus one for every task or step
 * that failed without a failed test to show for it (a lint or type error, a crash before any test
 * ran, "no test files", a build that broke, a server that never became healthy). Prints a few
 * lines per stage, then `N passed, N failed` alone on the last line. Exits 1 when anything failed.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  notes: string[];
}

interface TurboTask {
  taskId: string;
  package: string;
  directory: string;
  execution?: { exitCode?: number | null; error?: string } | null;
}

interface VitestReport {
  numTotalTests?: number;
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  success?: boolean;
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: { message?: string }[];
}

const root = path.resolve(path.dirname(process.argv[1] ?? "."), "..", "..");

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** The tasks of the turbo run whose output is in `log` (turbo prints "Summary: <file>" with --summarize). */
function turboTasks(log: string): TurboTask[] | undefined {
  if (!existsSync(log)) return undefined;
  const text = readFileSync(log, "utf8");
  const match = /Summary:\s+(\S+\.json)/.exec(text);
  if (!match?.[1]) return undefined;
  const summary = readJson<{ tasks?: TurboTask[] }>(path.isAbsolute(match[1]) ? match[1] : path.join(root, match[1]));
  return summary?.tasks;
}

function taskFailed(task: TurboTask): boolean {
  const code = task.execution?.exitCode;
  return code !== undefined && code !== null && code !== 0;
}

function checks(exitCode: number, log: string): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, flaky: 0, notes: [] };
  const tasks = turboTasks(log);
  if (!tasks) {
    if (exitCode !== 0) t.failed += 1;
    t.notes.push(exitCode === 0 ? "ok" : `failed (exit ${exitCode}); no turbo run summary found`);
    return t;
  }
  const failed = tasks.filter(taskFailed);
  t.failed += failed.length;
  if (exitCode !== 0 && failed.length === 0) t.failed += 1;
  t.notes.push(`${tasks.length - failed.length}/${tasks.length} tasks ok${failed.length ? `; failed: ${failed.map((x) => x.taskId).join(", ")}` : ""}`);
  return t;
}

function vitest(exitCode: number, arg: string): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, flaky: 0, notes: [] };
  const separator = arg.lastIndexOf(":");
  const log = arg.slice(0, separator);
  const reportName = arg.slice(separator + 1);
  const tasks = turboTasks(log);
  if (!tasks) {
    t.failed += 1;
    t.notes.push(`no turbo run summary (exit ${exitCode}): counted as 1 failure`);
    return t;
  }
  for (const task of tasks) {
    const report = readJson<VitestReport>(path.join(root, task.directory, "test-results", reportName));
    const failedTask = taskFailed(task);
    if (!report) {
      if (failedTask) {
        t.failed += 1;
        t.notes.push(`${task.taskId}: exited ${task.execution?.exitCode} without a vitest report`);
      } else if (task.execution) {
        t.notes.push(`${task.taskId}: no vitest report (not counted)`);
      }
      continue;
    }
    const passed = report.numPassedTests ?? 0;
    const failed = report.numFailedTests ?? 0;
    t.passed += passed;
    t.failed += failed;
    t.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    let line = `${task.taskId}: ${passed} passed, ${failed} failed`;
    if (failed === 0 && (failedTask || report.success === false)) {
      const suites = report.numFailedTestSuites ?? 0;
      t.failed += Math.max(1, suites);
      if (suites > 0) line += ` (+${suites} test file(s) that failed to run)`;
      else if ((report.numTotalTests ?? 0) === 0) line += " (+1: no test files found)";
      else line += " (+1: the run failed outside any test, e.g. an unhandled error)";
    }
    t.notes.push(line);
  }
  return t;
}

function playwright(exitCode: number, file: string): Tally {
  const t: Tally = { passed: 0, failed: 0, skipped: 0, flaky: 0, notes: [] };
  const report = readJson<PlaywrightReport>(file);
  if (!report?.stats) {
    t.failed += 1;
    t.notes.push(`no Playwright report at ${path.relative(root, file)} (exit ${exitCode}): counted as 1 failure`);
    return t;
  }
  const s = report.stats;
  t.passed = (s.expected ?? 0) + (s.flaky ?? 0);
  t.flaky = s.flaky ?? 0;
  t.failed = s.unexpected ?? 0;
  t.skipped = s.skipped ?? 0;
  const errors = report.errors?.length ?? 0;
  if (errors > 0) {
    t.failed += errors;
    t.notes.push(`${errors} error(s) outside tests: ${report.errors?.map((e) => (e.message ?? "").split("\n")[0]).join(" | ")}`);
  }
  if (exitCode !== 0 && t.failed === 0) {
    t.failed += 1;
    t.notes.push(`playwright exited ${exitCode} without a failed test: counted as 1 failure`);
  }
  return t;
}

function main(): number {
  const stagesFile = process.argv[2];
  if (!stagesFile) throw new Error("usage: test-summary.ts STAGES_FILE");
  const lines = existsSync(stagesFile) ? readFileSync(stagesFile, "utf8").split("\n").filter(Boolean) : [];
  let passed = 0;
  let failed = 0;
  console.log("\n── summary ──────────────────────────────────────────────");
  for (const line of lines) {
    const [label = "?", kind = "step", code = "1", arg = ""] = line.split("\t");
    const exitCode = Number(code);
    let t: Tally;
    if (kind === "checks") t = checks(exitCode, arg);
    else if (kind === "vitest") t = vitest(exitCode, arg);
    else if (kind === "playwright") t = playwright(exitCode, arg);
    else t = { passed: 0, failed: exitCode === 0 ? 0 : 1, skipped: 0, flaky: 0, notes: [exitCode === 0 ? "ok" : `FAILED (exit ${exitCode})`] };
    passed += t.passed;
    failed += t.failed;
    const counts = kind === "vitest" || kind === "playwright"
      ? `${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}${t.flaky ? `, ${t.flaky} flaky (passed on retry)` : ""}`
      : t.failed ? `${t.failed} failed` : "ok";
    console.log(`${label.padEnd(18)} ${counts}`);
    for (const note of t.notes) if (note !== "ok" && note !== counts) console.log(`${"".padEnd(18)}   ${note}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

try {
  process.exit(main());
} catch (error: unknown) {
  console.error("test-summary:", error instanceof Error ? error.message : error);
  process.exit(2);
}
