import type { AppProps } from "next/app";
import "../app/globals.css";

/**
 * The Pages Router serves one page, /login, because only it can render a page with no client
 * JavaScript at all (see pages/login.tsx). Every other page is in app/.
 */
export default function PagesApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
