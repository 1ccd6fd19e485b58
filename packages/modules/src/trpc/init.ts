import { initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { Context } from "./context";
import { toAppError } from "../errors";

/**
 * tRPC in three parts (create-t3-turbo): the context (context.ts), this init (plain JSON on the wire:
 * every value we send is JSON already, dates included, so no transformer) with an
 * error formatter that carries field-level messages and the AppError code, and procedures (procedures.ts).
 */
export const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    if (cause instanceof ZodError) {
      return { ...shape, data: { ...shape.data, appCode: "VALIDATION", fieldErrors: cause.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })) } };
    }
    const app = cause ? toAppError(cause) : undefined;
    const internal = !app || app.code === "INTERNAL";
    return {
      ...shape,
      message: internal && error.code === "INTERNAL_SERVER_ERROR" ? "Internal server error" : shape.message,
      data: { ...shape.data, stack: undefined, appCode: app?.code ?? null, fieldErrors: app?.fieldErrors ?? [], retryAfter: app?.retryAfter ?? null },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
