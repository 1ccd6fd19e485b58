import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { createScopedDb, type Principal } from "@orchestrator/db";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { registry } from "../registry";
import { demoPrincipals } from "../testing/principals";
import { closeLiveEvents, eventVisibleTo, liveEventStream, onLiveEvent, type LiveEvent } from "./index";

const admin = () => createScopedDb(demoPrincipals.admin(), { requestId: "test" }, registry);

const received: LiveEvent[] = [];
let unsubscribe: () => void = () => {};

async function waitFor(predicate: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error("timed out waiting for live events");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const visibleTo = (p: Principal) => received.filter((e) => eventVisibleTo(p, e)).map((e) => `${e.doctype}:${e.name}`);

let medicalTask = "";
let programTask = "";
let medicalClientName: { first: string; last: string } = { first: "", last: "" };

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 4 });
  unsubscribe = await onLiveEvent((e) => received.push(e));
  // CL-00001 is Medical, CL-00002 Program in the demo seed.
  const medicalClient = await admin().get("Client", "CL-00001");
  medicalClientName = { first: String(medicalClient.first_name), last: String(medicalClient.last_name) };
  await admin().update("Client", "CL-00001", { status: medicalClient.status === "active" ? "pending" : "active" });
  const programClient = await admin().get("Client", "CL-00002");
  await admin().update("Client", "CL-00002", { status: programClient.status === "active" ? "pending" : "active" });
  medicalTask = (await admin().insert("Task", { client: "CL-00001", department: "Medical", category: "medical", title: "Check vitals of the patient" })).name;
  programTask = (await admin().insert("Task", { client: "CL-00002", department: "Program", category: "program", title: "Group check-in" })).name;
  await waitFor(() => received.length >= 4);
});

afterAll(async () => {
  unsubscribe();
  await closeLiveEvents();
  await closeRedis();
  await closeDatabase();
});

describe("live events: publisher", () => {
  it("publishes one event per committed Client and Task write, with department and category", () => {
    expect(received).toEqual(
      expect.arrayContaining([
        { doctype: "Client", name: "CL-00001", action: "update", department: "Medical", category: "client" },
        { doctype: "Client", name: "CL-00002", action: "update", department: "Program", category: "client" },
        { doctype: "Task", name: medicalTask, action: "create", department: "Medical", category: "medical" },
        { doctype: "Task", name: programTask, action: "create", department: "Program", category: "program" },
      ]),
    );
  });

  it("carries no PHI: only the five keys, no names or field values", () => {
    for (const e of received) expect(Object.keys(e).sort()).toEqual(["action", "category", "department", "doctype", "name"]);
    const wire = JSON.stringify(received);
    expect(wire).not.toContain(medicalClientName.first);
    expect(wire).not.toContain(medicalClientName.last);
    expect(wire).not.toContain("vitals");
    expect(wire).not.toContain("status");
  });
});

describe("live events: per-principal filter", () => {
  it("Medical Staff hears about Medical clients and medical tasks, never Program ones", () => {
    expect(visibleTo(demoPrincipals.medical()).sort()).toEqual(["Client:CL-00001", `Task:${medicalTask}`].sort());
  });

  it("Program Staff hears about Program clients and program tasks only", () => {
    expect(visibleTo(demoPrincipals.program()).sort()).toEqual(["Client:CL-00002", `Task:${programTask}`].sort());
  });

  it("HR hears about every client but no task", () => {
    expect(visibleTo(demoPrincipals.hr()).sort()).toEqual(["Client:CL-00001", "Client:CL-00002"]);
  });

  it("Super Admin and Supervisor hear everything", () => {
    expect(visibleTo(demoPrincipals.admin())).toHaveLength(4);
    expect(visibleTo(demoPrincipals.supervisor())).toHaveLength(4);
  });

  it("an event without a department reaches only readers whose grant covers every department", () => {
    const deleted: LiveEvent = { doctype: "Client", name: "CL-00009", action: "delete", department: null, category: "client" };
    expect(eventVisibleTo(demoPrincipals.medical(), deleted)).toBe(false);
    expect(eventVisibleTo(demoPrincipals.hr(), deleted)).toBe(true);
  });
});

describe("live events: SSE stream", () => {
  it("streams only the principal's events and stops on abort", async () => {
    const controller = new AbortController();
    const reader = liveEventStream(demoPrincipals.medical(), controller.signal).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const read = async (until: (t: string) => boolean) => {
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await read((t) => t.includes("event: ready"));
    await admin().update("Client", "CL-00002", { status: "discharged" });
    await admin().update("Client", "CL-00001", { status: "discharged" });
    await read((t) => t.includes("CL-00001"));
    expect(text).toContain(`event: change\ndata: {"doctype":"Client","name":"CL-00001","action":"update","department":"Medical","category":"client"}`);
    expect(text).not.toContain("CL-00002");
    controller.abort();
    await read(() => false);
    const { done } = await reader.read();
    expect(done).toBe(true);
  });
});

// Last: it adds events the exact counts above would otherwise see.
describe("live events: deletes and moves", () => {
  it("announces a delete with the department it had, and a move to both departments", async () => {
    const created = await admin().insert("Client", { first_name: "Move", last_name: "Me", department: "Medical" });
    await admin().update("Client", created.name, { department: "Program" });
    await admin().delete("Client", created.name);
    await waitFor(() => received.filter((e) => e.name === created.name).length >= 4);
    const mine = received.filter((e) => e.name === created.name).map((e) => `${e.action}:${e.department}`);
    expect(mine).toEqual(["create:Medical", "update:Program", "update:Medical", "delete:Program"]);
    // Medical Staff hear that the client left their department; Program Staff hear of its arrival and deletion.
    const event = (action: string, department: string) => received.find((e) => e.name === created.name && e.action === action && e.department === department)!;
    expect(eventVisibleTo(demoPrincipals.medical(), event("update", "Medical"))).toBe(true);
    expect(eventVisibleTo(demoPrincipals.program(), event("delete", "Program"))).toBe(true);
    expect(eventVisibleTo(demoPrincipals.medical(), event("delete", "Program"))).toBe(false);
  });
});
