/** Twilio's message statuses that the simulator goes through (outbound only). */
export type MessageStatus = "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed";

/** Twilio's call statuses that the simulator goes through. */
export type CallStatus = "queued" | "initiated" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";

/** A Message resource as Twilio's API returns it (snake_case JSON, RFC 2822 dates, strings for counts). */
export interface MessageResource {
  sid: string;
  account_sid: string;
  api_version: "2010-04-01";
  to: string;
  from: string;
  body: string;
  status: MessageStatus;
  direction: "outbound-api";
  num_segments: string;
  num_media: "0";
  price: string | null;
  price_unit: "USD";
  error_code: number | null;
  error_message: string | null;
  messaging_service_sid: null;
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  uri: string;
  subresource_uris: { media: string };
}

/** A Call resource as Twilio's API returns it. */
export interface CallResource {
  sid: string;
  account_sid: string;
  api_version: "2010-04-01";
  to: string;
  from: string;
  status: CallStatus;
  direction: "outbound-api";
  duration: string | null;
  start_time: string | null;
  end_time: string | null;
  price: string | null;
  price_unit: "USD";
  date_created: string;
  date_updated: string;
  uri: string;
}

/** What the simulator keeps next to a resource: where to post its status callbacks. */
export interface Callbacks {
  url: string | null;
  /** Calls only: the StatusCallbackEvent values asked for (Twilio's default is ["completed"]). */
  events: string[];
}

/** Answer the next `times` API requests with an HTTP error instead of serving them. */
export interface FaultSpec {
  /** 429 (rate limited, with Retry-After) or a 5xx. */
  status: number;
  times?: number | undefined;
  /** Seconds, sent as Retry-After on a 429 (default 1). */
  retryAfter?: number | undefined;
}

/** One status callback the simulator posted, for tests and the demo. */
export interface CallbackAttempt {
  url: string;
  params: Record<string, string>;
  signature: string;
  /** The receiver's HTTP status, or null when the POST failed. */
  responseStatus: number | null;
  at: string;
}
