import { loadPrincipal } from "@orchestrator/auth";
import { AppError, createScopedDb, type ScopedDb } from "@orchestrator/db";
import { expect } from "vitest";
import { registry } from "../registry";

/** The scoped layer as a seeded user (their roles, departments and teams, loaded as a request would). */
export async function scopedAs(user: string, requestId = `test-${user}`): Promise<ScopedDb> {
  const principal = await loadPrincipal(user);
  if (!principal) throw new Error(`no principal for ${user}`);
  return createScopedDb(principal, { requestId }, registry);
}

/** The AppError a call was refused with (the test fails if it was not refused, or with something else). */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to be refused");
}

/** The fields a refused call's validation error names, in order. */
export async function refusedFields(promise: Promise<unknown>): Promise<string[]> {
  return (await refusal(promise)).fieldErrors.map((f) => f.field);
}
