import { describe, expect, it } from "vitest";
import { generateTasksPayload } from "./payloads";
import { generateTasksJobId, jobId } from "./producers";

describe("job ids", () => {
  it("are deterministic and free of the ':' BullMQ reserves", () => {
    expect(generateTasksJobId("CL-00042", "Detox Protocol")).toBe("generate-tasks|CL-00042|Detox Protocol");
    expect(generateTasksJobId("CL-00042", "Detox Protocol")).toBe(generateTasksJobId("CL-00042", "Detox Protocol"));
    expect(generateTasksJobId("CL-1", "a:b")).not.toContain(":");
  });

  it("keep distinct parts distinct even when they contain the separator or escapes", () => {
    const ids = [jobId("a|b", "c"), jobId("a", "b|c"), jobId("a%7Cb", "c"), jobId("a:b", "c"), jobId("a%3Ab", "c")];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("generate-tasks payload", () => {
  it("accepts ids and the actor", () => {
    expect(generateTasksPayload.parse({ client: "CL-1", template: "T", actor: "a@b.c", requestId: "r-1" })).toEqual({ client: "CL-1", template: "T", actor: "a@b.c", requestId: "r-1" });
  });

  it("refuses extra fields (PHI must not ride along) and empty ids", () => {
    expect(generateTasksPayload.safeParse({ client: "CL-1", template: "T", actor: "a@b.c", first_name: "Ada" }).success).toBe(false);
    expect(generateTasksPayload.safeParse({ client: "", template: "T", actor: "a@b.c" }).success).toBe(false);
    expect(generateTasksPayload.safeParse({ client: "CL-1", template: "T" }).success).toBe(false);
  });
});
