import { describe, expect, it } from "vitest";
import { advanceStatus, statusOf } from "./statuses";

describe("provider statuses", () => {
  it("maps Twilio's message and call statuses (any case) and the log-only provider's", () => {
    expect(["queued", "sending", "SENT", "delivered", "undelivered", "failed", "logged"].map((s) => statusOf("sms", s))).toEqual(["Queued", "Queued", "Sent", "Delivered", "Failed", "Failed", "Logged"]);
    expect(["queued", "ringing", "in-progress", "completed", "no-answer", "busy"].map((s) => statusOf("call", s))).toEqual(["Initiated", "Ringing", "In Progress", "Completed", "No Answer", "Busy"]);
    expect(statusOf("sms", "teleported")).toBeNull();
  });

  it("moves forward only and never leaves a final status", () => {
    expect(advanceStatus("sms", "Queued", "Sent")).toBe("Sent");
    expect(advanceStatus("sms", "Sent", "Delivered")).toBe("Delivered");
    expect(advanceStatus("sms", "Sent", "Queued")).toBe("Sent");
    expect(advanceStatus("sms", "Delivered", "Sent")).toBe("Delivered");
    expect(advanceStatus("sms", "Delivered", "Failed")).toBe("Delivered");
    expect(advanceStatus("sms", "Failed", "Delivered")).toBe("Failed");
    expect(advanceStatus("sms", "Queued", "Failed")).toBe("Failed");
    expect(advanceStatus("call", "Ringing", "Initiated")).toBe("Ringing");
    expect(advanceStatus("call", "In Progress", "Completed")).toBe("Completed");
    expect(advanceStatus("call", "Completed", "Ringing")).toBe("Completed");
    expect(advanceStatus("call", "No Answer", "Completed")).toBe("No Answer");
  });
});
