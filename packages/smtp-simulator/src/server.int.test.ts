import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpSimulator, type SmtpSimulator } from "./server";

/** A bare SMTP client over a socket: the simulator is checked against the protocol, not a library. */
class RawSmtp {
  private buffer = "";
  private waiting: (() => void) | null = null;
  private constructor(private readonly socket: Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      this.waiting?.();
    });
  }

  static async open(port: number): Promise<{ client: RawSmtp; greeting: string }> {
    const socket = connect(port, "127.0.0.1");
    const client = new RawSmtp(socket);
    return { client, greeting: await client.reply() };
  }

  /** The next complete reply (multi-line replies end with `<code> ` on their last line). */
  async reply(): Promise<string> {
    for (;;) {
      const lines = this.buffer.split("\r\n");
      const end = lines.findIndex((l) => /^\d{3} /.test(l));
      if (end >= 0) {
        const reply = lines.slice(0, end + 1).join("\n");
        this.buffer = lines.slice(end + 1).join("\r\n");
        return reply;
      }
      await new Promise<void>((resolve) => { this.waiting = resolve; });
    }
  }

  async send(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  close(): void {
    this.socket.end();
  }
}

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString("base64");
const message = ["From: Ana <ana@acme.test>", "To: help@orchestrator.test", "Subject: Printer", "Message-ID: <one@acme.test>", "In-Reply-To: <zero@orchestrator.test>", "References: <root@orchestrator.test> <zero@orchestrator.test>", "", "It is on fire.", "."].join("\r\n");

let sim: SmtpSimulator;
beforeAll(async () => {
  sim = await startSmtpSimulator({ credentials: { user: "mailer", password: "s3cret-pass" } });
});
beforeEach(async () => {
  await fetch(`${sim.url}/messages`, { method: "DELETE" });
  await fetch(`${sim.url}/faults`, { method: "DELETE" });
});
afterAll(() => sim.close());

async function session(): Promise<RawSmtp> {
  const { client, greeting } = await RawSmtp.open(sim.smtpPort);
  expect(greeting).toMatch(/^220 /);
  const ehlo = await client.send("EHLO client.test");
  expect(ehlo).toMatch(/AUTH PLAIN LOGIN/);
  return client;
}

describe("smtp-simulator over real sockets", () => {
  it("requires AUTH before MAIL FROM and refuses a wrong password with 535", async () => {
    const client = await session();
    expect(await client.send("MAIL FROM:<help@orchestrator.test>")).toMatch(/^530 /);
    expect(await client.send(`AUTH PLAIN ${plain("mailer", "wrong")}`)).toMatch(/^535 /);
    client.close();
  });

  it("accepts an authenticated message and serves it parsed over HTTP, filtered by recipient", async () => {
    const client = await session();
    expect(await client.send(`AUTH PLAIN ${plain("mailer", "s3cret-pass")}`)).toMatch(/^235 /);
    expect(await client.send("MAIL FROM:<ana@acme.test>")).toMatch(/^250 /);
    expect(await client.send("RCPT TO:<Help@Orchestrator.test>")).toMatch(/^250 /);
    expect(await client.send("DATA")).toMatch(/^354 /);
    expect(await client.send(message)).toMatch(/^250 .*queued as 1/);
    expect(await client.send("QUIT")).toMatch(/^221 /);
    client.close();

    const all = (await (await fetch(`${sim.url}/messages`)).json()) as { messages: Record<string, unknown>[] };
    expect(all.messages).toHaveLength(1);
    expect(all.messages[0]).toMatchObject({
      id: 1, authUser: "mailer", envelope: { from: "ana@acme.test", to: ["help@orchestrator.test"] }, messageId: "<one@acme.test>", inReplyTo: "<zero@orchestrator.test>",
      references: ["<root@orchestrator.test>", "<zero@orchestrator.test>"], subject: "Printer", from: ["ana@acme.test"], to: ["help@orchestrator.test"],
    });
    expect(String(all.messages[0]!.text).trim()).toBe("It is on fire.");
    const other = (await (await fetch(`${sim.url}/messages?to=someone@else.test`)).json()) as { messages: unknown[] };
    expect(other.messages).toEqual([]);
  });

  it("rejects the next N messages with an injected code, then accepts again", async () => {
    const res = await fetch(`${sim.url}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: 451, times: 1 }) });
    expect(res.status).toBe(200);
    await fetch(`${sim.url}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: 550, stage: "rcpt", message: "5.1.1 No such user" }) });
    const client = await session();
    await client.send(`AUTH PLAIN ${plain("mailer", "s3cret-pass")}`);
    await client.send("MAIL FROM:<ana@acme.test>");
    expect(await client.send("RCPT TO:<gone@orchestrator.test>")).toBe("550 5.1.1 No such user");
    expect(await client.send("RCPT TO:<help@orchestrator.test>")).toMatch(/^250 /);
    await client.send("DATA");
    expect(await client.send(message)).toMatch(/^451 4\.3\.0/);
    await client.send("MAIL FROM:<ana@acme.test>");
    await client.send("RCPT TO:<help@orchestrator.test>");
    await client.send("DATA");
    expect(await client.send(message)).toMatch(/^250 /);
    client.close();
    expect(sim.messages()).toHaveLength(1);
  });

  it("refuses a malformed fault with 400", async () => {
    const res = await fetch(`${sim.url}/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: 200 }) });
    expect(res.status).toBe(400);
  });
});
