import { AsyncLocalStorage } from "node:async_hooks";

/** The e-mail a ticket is being created from (set by the inbound path around its insert). */
export interface InboundMessage {
  messageId: string;
  references: readonly string[];
}

const current = new AsyncLocalStorage<InboundMessage>();

/**
 * Runs `fn` with the inbound message in context, so the ticket's acknowledgement (queued by the ticket's
 * validate, which knows nothing of e-mail) answers that message: In-Reply-To and References.
 */
export function withInboundMessage<T>(message: InboundMessage, fn: () => Promise<T>): Promise<T> {
  return current.run(message, fn);
}

export function inboundMessage(): InboundMessage | undefined {
  return current.getStore();
}
