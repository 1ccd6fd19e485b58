export { startSmsSimulator, DEFAULT_ACCOUNT, type SmsSimulator, type SmsSimulatorOptions } from "./server";
export { twilioSignature } from "./signature";
export { MAGIC_TO, UNDELIVERABLE_TO } from "./phone";
export type { AccountCredentials } from "./api";
export type { CallbackAttempt, CallResource, FaultSpec, MessageResource } from "./types";
