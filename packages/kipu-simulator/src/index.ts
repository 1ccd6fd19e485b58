export { startKipuSimulator, DEFAULT_CREDENTIALS, type KipuSimulator, type KipuSimulatorOptions } from "./server";
export type { SimControl } from "./control";
export type { SimCredentials } from "./auth";
export { KIPU_ACCEPT, MESSAGES as KIPU_SIM_MESSAGES } from "./auth";
export type { FaultSpec, KipuPagination, KipuPatientJson, MalformKind, SimRequestLogEntry } from "./types";
export { generatePopulation, prng } from "./seed";
