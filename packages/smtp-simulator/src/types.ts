/** One message the simulator accepted, as the HTTP API returns it. */
export interface ReceivedMessage {
  /** The simulator's own id (1, 2, …), in arrival order. */
  id: number;
  receivedAt: string;
  /** The SMTP envelope: MAIL FROM and the accepted RCPT TO addresses (lower-cased). */
  envelope: { from: string | null; to: string[] };
  /** The user that authenticated the session, if any. */
  authUser: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: string[];
  to: string[];
  cc: string[];
  text: string;
  html: string | null;
  /** Every header as received (lower-cased names; repeated headers joined with ", "). */
  headers: Record<string, string>;
  /** The message as it came over DATA. */
  raw: string;
}

/** SMTP stage a fault answers at: RCPT TO (per recipient) or the end of DATA (the whole message). */
export type FaultStage = "rcpt" | "data";

/** Reject the next `times` messages (or recipients, at `rcpt`) with an SMTP reply code. */
export interface FaultSpec {
  /** 4xx = temporary (the client should retry), 5xx = permanent. */
  code: number;
  times?: number | undefined;
  stage?: FaultStage | undefined;
  message?: string | undefined;
}
