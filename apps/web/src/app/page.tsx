import { redirect } from "next/navigation";
import { HOME_PATH } from "~/lib/sign-in-url";

export default function Home(): never {
  redirect(HOME_PATH);
}
