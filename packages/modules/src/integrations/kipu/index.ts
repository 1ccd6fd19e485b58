/** The Kipu protocol layer: signed v3 client, typed errors, record mapping. The sync engine builds on this. */
export {
  createKipuClient,
  parseCasefileId,
  ENDPOINTS as KIPU_ENDPOINTS,
  KIPU_ACCEPT,
  KIPU_PRODUCTION_URL,
  type CensusOptions,
  type KipuClient,
  type KipuClientEvent,
  type KipuClientOptions,
  type KipuHealth,
  type KipuPage,
  type KipuPhiLevel,
  type KipuRawRecord,
  type LatestOptions,
  type PageOptions,
} from "./client";
export * from "./errors";
export { kipuDay, kipuPatientSchema, mapKipuPatient, type ClientStatus, type KipuClientValues, type KipuMapResult, type KipuPatient } from "./records";
export { authorizationHeader, canonicalString, httpDate, signCanonical, signedHeaders, type KipuDigest } from "./signature";
