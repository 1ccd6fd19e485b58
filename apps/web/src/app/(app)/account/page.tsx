import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ProfileView } from "~/features/account/profile-view";
import { THEME_COOKIE, parseTheme } from "~/lib/theme";
import { caller } from "~/trpc/server";

export const metadata: Metadata = { title: "Profile" };

export default async function Page() {
  const [me, jar] = await Promise.all([caller.core.me(), cookies()]);
  return <ProfileView me={me} theme={parseTheme(jar.get(THEME_COOKIE)?.value)} />;
}
