import { AppErrorCode, isAppError } from "@orchestrator/db";
import { CredentialsSignin, type NextAuthConfig, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientIpFromHeaders } from "./client-ip";
import { env, authTrustHost } from "./env";
import { login } from "./login";
import { loadPrincipal } from "./principal";
import { getSession, revokeSession, sessionMaxAgeSeconds } from "./sessions";

/** Wrong email/password, disabled or unknown user: `?error=CredentialsSignin&code=invalid` on /login. */
export class InvalidCredentialsSignin extends CredentialsSignin {
  override code = "invalid";
}

/** Too many failures for this account or IP: `?error=CredentialsSignin&code=rate_limited` on /login. */
export class RateLimitedSignin extends CredentialsSignin {
  override code = "rate_limited";
  /** How long until the limiter lets this account/IP try again, for the sign-in page's message. */
  readonly retryAfterSeconds: number | null;
  constructor(retryAfterSeconds: number | null = null) {
    super();
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** What `authorize` hands to the `jwt` callback: next-auth's User plus our Redis session id. */
type SignedInUser = User & { sid: string };

function sidOf(value: unknown): string | null {
  const sid = (value as { sid?: unknown } | null | undefined)?.sid;
  return typeof sid === "string" && sid ? sid : null;
}

async function authorize(credentials: Partial<Record<string, unknown>>, request: Request): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new InvalidCredentialsSignin();
  try {
    const { sid, user } = await login({
      email: parsed.data.email,
      password: parsed.data.password,
      ip: clientIpFromHeaders(request.headers),
      userAgent: request.headers.get("user-agent"),
    });
    return { id: user.name, email: user.email, name: user.fullName, sid };
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.RateLimited) throw new RateLimitedSignin(error.retryAfter ?? null);
    if (isAppError(error) && error.code === AppErrorCode.Unauthenticated) throw new InvalidCredentialsSignin();
    throw error;
  }
}

/**
 * next-auth for the web app. The JWT cookie is only a carrier for `{ sid, sub }`: the session itself
 * lives in Redis, so logout, disabling a user and changing a password end web sessions too (the `jwt`
 * callback returns null once the Redis session is gone, and next-auth then clears the cookie).
 * Runs on the Node.js runtime (ioredis, argon2): not in edge middleware.
 */
export const authConfig: NextAuthConfig = {
  secret: env.AUTH_SECRET,
  trustHost: authTrustHost(),
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/login" },
  logger: {
    error(error) {
      // Bad credentials and rate limits are user errors (the limiter counts them), not worth a stack trace.
      if (error instanceof CredentialsSignin) return;
      // Never next-auth's debug logger: it would print request bodies, passwords included.
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      console.error(`[auth][error] ${error.name}: ${error.message}`, cause instanceof Error ? cause : "");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize,
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Sign-in: `user` is what authorize returned. Keep only the session id and the user's name.
      if (user) {
        const sid = sidOf(user);
        return sid && user.id ? { sid, sub: user.id } : null;
      }
      const sid = sidOf(token);
      const session = sid ? await getSession(sid) : null;
      if (!sid || !session) return null;
      return { sid, sub: session.user };
    },
    async session({ session, token }) {
      const name = typeof token.sub === "string" ? token.sub : "";
      const principal = name ? await loadPrincipal(name) : null;
      // The sid stays inside the encrypted, HttpOnly cookie: never exposed to page scripts.
      session.user = { ...session.user, id: name, email: name, name: principal?.fullName ?? null };
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? sidOf(message.token) : null;
      if (sid) await revokeSession(sid);
    },
  },
};
