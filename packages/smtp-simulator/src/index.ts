export { startSmtpSimulator, type SmtpSimulator, type SmtpSimulatorOptions } from "./server";
export type { SmtpCredentials } from "./smtp";
export type { FaultSpec, FaultStage, ReceivedMessage } from "./types";
