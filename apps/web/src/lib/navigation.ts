"use client";

import { usePathname as nextUsePathname, useSearchParams as nextUseSearchParams, type ReadonlyURLSearchParams } from "next/navigation";

/*
 * next/navigation's hooks for App Router components. Because the app also has a Pages Router page
 * (pages/login.tsx), Next types these hooks as nullable everywhere (they can be null in the Pages
 * Router); under the App Router they never are. App code imports them from here.
 */

export function usePathname(): string {
  return nextUsePathname() ?? "/";
}

const EMPTY = new URLSearchParams() as unknown as ReadonlyURLSearchParams;

export function useSearchParams(): ReadonlyURLSearchParams {
  return nextUseSearchParams() ?? EMPTY;
}
