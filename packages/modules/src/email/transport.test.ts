import { describe, expect, it } from "vitest";
import { classifySendError } from "./transport";

describe("classifySendError", () => {
  it("5xx replies are permanent, with the server's answer kept as the reason", () => {
    expect(classifySendError({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 No such user" })).toEqual({ kind: "permanent", code: "550", reason: "550 5.1.1 No such user" });
  });

  it("4xx replies, connection errors and authentication failures are retried", () => {
    expect(classifySendError({ code: "EMESSAGE", responseCode: 451, response: "451 try later" }).kind).toBe("temporary");
    expect(classifySendError({ code: "ECONNECTION", message: "connect ECONNREFUSED" })).toMatchObject({ kind: "temporary", code: "ECONNECTION" });
    expect(classifySendError({ code: "EAUTH", responseCode: 535, response: "535 bad credentials" }).kind).toBe("temporary");
    expect(classifySendError(undefined)).toMatchObject({ kind: "temporary", code: "EUNKNOWN" });
  });
});
