import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from "next/document";
import { parseCookieHeader } from "@orchestrator/auth/cookies";
import { THEME_COOKIE, parseTheme, themeAttribute } from "~/lib/theme";

type Props = DocumentInitialProps & { theme: "light" | "dark" | undefined };

/** <html> for the Pages Router page(s): the same language and theme attribute as app/layout.tsx. */
export default class PagesDocument extends Document<Props> {
  static override async getInitialProps(ctx: DocumentContext): Promise<Props> {
    const initial = await Document.getInitialProps(ctx);
    const theme = themeAttribute(parseTheme(parseCookieHeader(ctx.req?.headers.cookie).get(THEME_COOKIE)));
    return { ...initial, theme };
  }

  override render() {
    return (
      <Html lang="en" data-theme={this.props.theme}>
        <Head />
        <body className="min-h-dvh">
          <Main />
          <NextScript />
        </body>
      </Html>
    );
  }
}
