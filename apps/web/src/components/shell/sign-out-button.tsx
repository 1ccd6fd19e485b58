import { signOutAction } from "~/server/actions/sign-out";
import { buttonClasses } from "../ui/button";
import { SignOutIcon } from "../ui/icons";

/** A plain form posting a server action: works before hydration and without client JS. */
export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={buttonClasses("ghost", "px-3")}>
        <SignOutIcon />
        <span className="max-[380px]:sr-only">Sign out</span>
      </button>
    </form>
  );
}
