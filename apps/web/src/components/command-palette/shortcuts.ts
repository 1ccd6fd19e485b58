import type { NavItem } from "../shell/nav-items";

/** "g" then one of these keys goes to the page, when the user's navigation has it. */
const goShortcuts = [
  { key: "c", href: "/clients" },
  { key: "a", href: "/admin" },
] as const;

export interface GoShortcut {
  key: string;
  href: string;
  label: string;
}

/** The "g …" shortcuts this user may use: a page absent from their navigation has none. */
export function goShortcutsFor(nav: readonly NavItem[]): GoShortcut[] {
  return goShortcuts.flatMap(({ key, href }) => {
    const item = nav.find((n) => n.href === href);
    return item ? [{ key, href, label: item.label }] : [];
  });
}

/** How long after "g" the second key still counts. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** Apple keyboards say ⌘ where others say Ctrl; decided in the browser only (the server renders Ctrl). */
export function isApplePlatform(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad|ipod/i.test(nav.userAgentData?.platform ?? nav.platform ?? "");
}

/** Another modal (ours or any other: a drawer, a confirm) owns the keyboard while it is open. */
export function modalOpen(): boolean {
  return document.querySelector("dialog[open], [aria-modal='true']") !== null;
}
