import { simpleParser, type AddressObject } from "mailparser";
import type { ReceivedMessage } from "./types";

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase())).filter(Boolean);
}

/** Header lines as a plain object: lower-cased names, folded lines unfolded, repeats joined. */
function headerObject(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  }
  return out;
}

/** A message as received over DATA, parsed by mailparser (MIME, encodings, threading headers). */
export async function parseMessage(raw: Buffer, envelope: ReceivedMessage["envelope"], authUser: string | null): Promise<Omit<ReceivedMessage, "id">> {
  const mail = await simpleParser(raw);
  const references = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : mail.references.split(/\s+/).filter(Boolean);
  return {
    receivedAt: new Date().toISOString(),
    envelope,
    authUser,
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references,
    subject: mail.subject ?? "",
    from: addresses(mail.from),
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : null,
    headers: headerObject(mail.headerLines),
    raw: raw.toString("utf8"),
  };
}
