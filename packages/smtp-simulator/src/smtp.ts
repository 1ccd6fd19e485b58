import { timingSafeEqual } from "node:crypto";
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { smtpError, type FaultQueue } from "./faults";
import { parseMessage } from "./parse";
import type { MessageStore } from "./store";

export interface SmtpCredentials {
  user: string;
  password: string;
}

const MAX_SIZE = 25 * 1024 * 1024;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real SMTP server (nodemailer's smtp-server: EHLO, AUTH PLAIN/LOGIN, MAIL/RCPT/DATA, SIZE,
 * 8BITMIME, PIPELINING). With credentials, AUTH is required before MAIL FROM (530 otherwise) and a
 * wrong password gets 535. No TLS: the simulator binds to 127.0.0.1 and allows AUTH in clear text.
 * Injected faults answer at RCPT TO or at the end of DATA with their code, as a real server would.
 */
export function createSmtpServer(deps: { store: MessageStore; faults: FaultQueue; credentials: SmtpCredentials | null }): SMTPServer {
  const { store, faults, credentials } = deps;
  return new SMTPServer({
    name: "smtp-simulator.local",
    banner: "Orchestrator SMTP simulator",
    secure: false,
    disabledCommands: credentials ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: !credentials,
    allowInsecureAuth: true,
    size: MAX_SIZE,
    logger: false,
    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      if (credentials && typeof auth.username === "string" && typeof auth.password === "string" && same(auth.username, credentials.user) && same(auth.password, credentials.password)) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      const fault = faults.take("rcpt");
      callback(fault ? smtpError(fault) : null);
    },
    onData(stream, session, callback) {
      readAll(stream).then(
        async (raw) => {
          if (stream.sizeExceeded) return callback(Object.assign(new Error("5.3.4 Message too big"), { responseCode: 552 }));
          const fault = faults.take("data");
          if (fault) return callback(smtpError(fault));
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : null,
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          };
          const stored = store.add(await parseMessage(raw, envelope, typeof session.user === "string" ? session.user : null));
          callback(null, `2.0.0 Ok: queued as ${stored.id}`);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}
