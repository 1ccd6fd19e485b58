import NextAuth from "next-auth";
import { authConfig } from "./next-auth-config";

export { authConfig, InvalidCredentialsSignin, RateLimitedSignin } from "./next-auth-config";

/** Mount `handlers` at app/api/auth/[...nextauth]/route.ts; `auth()` reads the web session in server code. */
export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
