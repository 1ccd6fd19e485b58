"use client";

/*
 * The top bar's search button and the app's keyboard shortcuts. Deliberately small: the palette
 * (cmdk) and the shortcuts dialog are dynamic imports, fetched when first opened (or when the
 * pointer or focus reaches the button), so neither is part of any page's First Load JS.
 */
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ComponentType } from "react";
import { SearchIcon } from "../ui/icons";
import { lazyModule } from "~/lib/lazy-module";
import { toast } from "../ui/toast";
import type { NavItem } from "../shell/nav-items";
import type { PaletteProps } from "./palette";
import { goShortcutsFor, isApplePlatform, modalOpen } from "./shortcuts";
import { useShortcuts } from "./use-shortcuts";
import type { ShortcutsHelpProps } from "./shortcuts-help";


const loadPalette = lazyModule(() => import("./palette").then((m) => m.Palette));
const loadHelp = lazyModule(() => import("./shortcuts-help").then((m) => m.ShortcutsHelp));
const prefetchPalette = () => void loadPalette().catch(() => undefined);

type Open = "palette" | "help" | null;

const noSubscribe = () => () => {};

export function SearchTrigger({ nav }: { nav: NavItem[] }) {
  const router = useRouter();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState<Open>(null);
  const [Palette, setPalette] = useState<ComponentType<PaletteProps> | null>(null);
  const [Help, setHelp] = useState<ComponentType<ShortcutsHelpProps> | null>(null);
  // The server renders "Ctrl"; an Apple device switches to "⌘" after hydration.
  const modKey = useSyncExternalStore(noSubscribe, () => (isApplePlatform() ? "⌘" : "Ctrl"), () => "Ctrl");
  const goTargets = useMemo(() => goShortcutsFor(nav), [nav]);

  const show = (which: "palette" | "help") => {
    const loaded = which === "palette" ? loadPalette().then((C) => setPalette(() => C)) : loadHelp().then((C) => setHelp(() => C));
    loaded.then(
      () => setOpen(which),
      () => toast.error(`${which === "palette" ? "Search" : "The shortcuts list"} could not be loaded. Check your connection and try again.`),
    );
  };
  const go = (href: string) => {
    setOpen(null);
    router.push(href);
  };

  // Registered with the page, not later: Ctrl/⌘+K pressed right after load must open the palette
  // (otherwise the browser takes it).
  useShortcuts(
    {
      togglePalette: () => {
        if (open === "palette") setOpen(null);
        else if (open !== null || !modalOpen()) show("palette"); // never on top of someone else's dialog
      },
      openPalette: () => show("palette"),
      openHelp: () => show("help"),
      go,
    },
    goTargets,
  );

  // Closing either dialog puts focus back on this button (also after choosing a result).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open === null && wasOpen.current) button.current?.focus();
    wasOpen.current = open !== null;
  }, [open]);

  const close = () => setOpen(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
        onClick={() => show("palette")}
        onPointerEnter={prefetchPalette}
        onFocus={prefetchPalette}
        className="flex size-11 shrink-0 items-center justify-center gap-2 rounded-full text-muted hover:bg-surface-2 hover:text-fg sm:h-10 sm:w-52 sm:justify-start sm:rounded-md sm:border sm:border-line sm:bg-surface-2 sm:px-3 sm:text-sm lg:w-64"
      >
        <SearchIcon className="shrink-0" />
        {/* The visible text is the accessible name (axe: label-content-name-mismatch); phones keep it for screen readers only. */}
        <span className="max-sm:sr-only">Search…</span>{" "}
        <kbd className="ml-auto hidden rounded border border-line bg-surface px-1.5 py-0.5 font-sans text-xs text-muted sm:inline">
          {modKey === "⌘" ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {open === "palette" && Palette ? <Palette nav={nav} onNavigate={go} onShowHelp={() => show("help")} onClose={close} /> : null}
      {open === "help" && Help ? <Help goTargets={goTargets} modKey={modKey} onClose={close} /> : null}
    </>
  );
}
