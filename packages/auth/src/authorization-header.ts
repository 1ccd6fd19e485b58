import { AppError, AppErrorCode } from "@orchestrator/db";

export interface ApiKeyCredentials {
  apiKey: string;
  apiSecret: string;
}

const invalid = (reason: string) => new AppError(AppErrorCode.Unauthenticated, `Invalid Authorization header: ${reason}`);

function splitPair(pair: string): ApiKeyCredentials {
  const colon = pair.indexOf(":");
  const apiKey = colon > 0 ? pair.slice(0, colon).trim() : "";
  const apiSecret = colon > 0 ? pair.slice(colon + 1).trim() : "";
  if (!apiKey || !apiSecret) throw invalid("expected <api_key>:<api_secret>");
  return { apiKey, apiSecret };
}

/**
 * Frappe's API-key header, `token <api_key>:<api_secret>`, or HTTP Basic with the same pair, as Frappe
 * accepts. Credentials that were sent but cannot be used throw Unauthenticated (the caller answers 401)
 * instead of quietly falling back to cookies: a client that sent a token must learn it was refused.
 */
export function parseAuthorizationHeader(value: string): ApiKeyCredentials {
  const match = /^\s*(\S+)\s+(.+?)\s*$/.exec(value);
  if (!match) throw invalid("missing credentials");
  const scheme = match[1]!.toLowerCase();
  const credentials = match[2]!;
  if (scheme === "token") return splitPair(credentials);
  if (scheme === "basic") {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) throw invalid("Basic credentials are not base64");
    return splitPair(Buffer.from(credentials, "base64").toString("utf8"));
  }
  throw invalid(`unsupported scheme`);
}
