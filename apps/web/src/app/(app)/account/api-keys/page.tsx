import type { Metadata } from "next";
import { ApiKeysView } from "~/features/account/api-keys-view";

export const metadata: Metadata = { title: "API keys" };

/** Every signed-in user manages their own keys here (no admin rights needed). */
export default function Page() {
  return <ApiKeysView />;
}
