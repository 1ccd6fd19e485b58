import { describe, expect, it } from "vitest";
import { byTime, entry, formatDuration } from "./entry";

describe("timeline entries", () => {
  it("sort oldest first; a creation before what happened at the same instant; then by key", () => {
    const at = "2026-01-02 10:00:00.000001";
    const list = [
      entry({ key: "note:b", at, kind: "note", title: "n" }),
      entry({ key: "note:a", at, kind: "note", title: "n" }),
      entry({ key: "created:x", at, kind: "created", title: "c" }),
      entry({ key: "email:z", at: "2026-01-01 09:00:00.000000", kind: "email", title: "e" }),
    ];
    expect(list.sort(byTime).map((e) => e.key)).toEqual(["email:z", "created:x", "note:a", "note:b"]);
  });

  it("leave out empty optional parts", () => {
    expect(entry({ key: "k", at: "t", kind: "task", title: "T", body: null, status: "", actor: "a@x.test" })).toEqual({ key: "k", at: "t", kind: "task", title: "T", actor: "a@x.test" });
  });

  it("say how long a deal stayed in a stage", () => {
    expect([40, 60 * 12, 3_600 * 5 + 60 * 12, 3_600 * 2, 86_400 * 2 + 3_600 * 3, 86_400].map(formatDuration)).toEqual(["40 s", "12 min", "5 h 12 min", "2 h", "2 d 3 h", "1 d"]);
  });
});
