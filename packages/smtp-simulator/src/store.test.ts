import { describe, expect, it } from "vitest";
import { FaultQueue } from "./faults";
import { MessageStore } from "./store";
import type { ReceivedMessage } from "./types";

const message = (to: string[], cc: string[] = []): Omit<ReceivedMessage, "id"> => ({
  receivedAt: "2026-11-24T00:00:00.000Z", envelope: { from: "a@x.test", to: [...to, ...cc] }, authUser: null, messageId: "<m@x>", inReplyTo: null, references: [],
  subject: "s", from: ["a@x.test"], to, cc, text: "t", html: null, headers: {}, raw: "",
});

describe("MessageStore", () => {
  it("numbers messages, filters by recipient case-insensitively and drops the oldest beyond its cap", () => {
    const store = new MessageStore(2);
    store.add(message(["one@x.test"]));
    store.add(message(["two@x.test"]));
    store.add(message(["three@x.test"], ["two@x.test"]));
    expect(store.list().map((m) => m.id)).toEqual([2, 3]);
    expect(store.list("TWO@x.test").map((m) => m.id)).toEqual([2, 3]);
    expect(store.clear()).toBe(2);
    expect(store.list()).toEqual([]);
  });
});

describe("FaultQueue", () => {
  it("answers `times` transactions of its stage, then stops", () => {
    const faults = new FaultQueue();
    faults.add([{ code: 451, times: 2 }, { code: 550, stage: "rcpt" }]);
    expect(faults.take("rcpt")?.code).toBe(550);
    expect(faults.take("rcpt")).toBeNull();
    expect(faults.take("data")?.code).toBe(451);
    expect(faults.take("data")?.code).toBe(451);
    expect(faults.take("data")).toBeNull();
  });

  it("refuses codes that are not SMTP failures", () => {
    expect(() => new FaultQueue().add([{ code: 250 }])).toThrow(/400 to 599/);
  });
});
