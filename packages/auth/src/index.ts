/**
 * @orchestrator/auth: passwords, Redis sessions, login with rate limits, API keys, principals and
 * request authentication. The next-auth configuration is at `@orchestrator/auth/next-auth`.
 */
export { env } from "./env";
export { getRedis, closeRedis } from "./redis";
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH } from "./password";
export {
  createSession,
  getSession,
  revokeSession,
  revokeUserSessions,
  listUserSessions,
  sessionMaxAgeSeconds,
  isWellFormedSid,
  type Session,
  type SessionMeta,
  type SessionOptions,
} from "./sessions";
export { createLoginLimiter, getLoginLimiter, type LoginLimiter, type LoginLimiterOptions } from "./rate-limit";
export { login, logout, INVALID_CREDENTIALS, type LoginInput, type LoginOptions, type LoginResult } from "./login";
export { loadPrincipal, invalidatePrincipal, invalidatePrincipals, type PrincipalCacheOptions } from "./principal";
export { generateApiKeys, verifyApiKey, revokeApiKey, listApiKeys, hashApiSecret, refreshUserApiKeys, type ApiKeyPair, type ApiKeyInfo } from "./api-keys";
export { setUserPassword, setUserEnabled, type UserAdminOptions } from "./user-admin";
export { authenticateRequest, type Authenticated, type AuthenticateOptions } from "./authenticate";
export { parseAuthorizationHeader, type ApiKeyCredentials } from "./authorization-header";
export { FRAPPE_SESSION_COOKIE, NEXT_AUTH_SESSION_COOKIE, NEXT_AUTH_SECURE_SESSION_COOKIE, parseCookieHeader } from "./cookies";
export { clientIpFromHeaders } from "./client-ip";
