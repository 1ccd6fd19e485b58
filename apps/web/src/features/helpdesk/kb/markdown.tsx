import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cx } from "~/components/ui/cx";

/*
 * Article Markdown, rendered safely: GitHub-flavoured (tables, task lists, strikethrough, autolinks),
 * raw HTML dropped (`skipHtml`: an article can never inject markup or script), link and image URLs
 * through react-markdown's default transform (no `javascript:`). Styled per element: the app has
 * no typography plugin.
 */
const components: Components = {
  h1: ({ node: _node, ...p }) => <h2 className="mt-6 mb-3 text-xl font-semibold first:mt-0" {...p} />,
  h2: ({ node: _node, ...p }) => <h3 className="mt-6 mb-2 text-lg font-semibold first:mt-0" {...p} />,
  h3: ({ node: _node, ...p }) => <h4 className="mt-4 mb-2 text-base font-semibold first:mt-0" {...p} />,
  h4: ({ node: _node, ...p }) => <h5 className="mt-4 mb-2 text-sm font-semibold first:mt-0" {...p} />,
  p: ({ node: _node, ...p }) => <p className="my-3 leading-relaxed first:mt-0 last:mb-0" {...p} />,
  ul: ({ node: _node, ...p }) => <ul className="my-3 list-disc space-y-1 pl-6" {...p} />,
  ol: ({ node: _node, ...p }) => <ol className="my-3 list-decimal space-y-1 pl-6" {...p} />,
  blockquote: ({ node: _node, ...p }) => <blockquote className="my-3 border-l-4 border-line pl-4 text-muted" {...p} />,
  a: ({ node: _node, href, ...p }) => {
    const external = typeof href === "string" && /^https?:\/\//i.test(href);
    return <a href={href} className="text-accent underline underline-offset-2" {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})} {...p} />;
  },
  code: ({ node: _node, className, ...p }) => <code className={cx("rounded bg-surface-2 px-1 py-0.5 font-mono text-[0.9em]", className)} {...p} />,
  pre: ({ node: _node, ...p }) => <pre className="my-3 overflow-x-auto rounded-md bg-surface-2 p-3 text-sm [&>code]:bg-transparent [&>code]:p-0" {...p} />,
  table: ({ node: _node, ...p }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-sm" {...p} />
    </div>
  ),
  th: ({ node: _node, ...p }) => <th className="border border-line bg-surface-2 px-3 py-2 text-left font-semibold" {...p} />,
  td: ({ node: _node, ...p }) => <td className="border border-line px-3 py-2" {...p} />,
  hr: () => <hr className="my-6 border-line" />,
  // Same-origin images only load (the CSP's img-src); an author's URL is shown as it is.
  img: ({ node: _node, alt, ...p }) => <img alt={alt ?? ""} loading="lazy" className="my-3 h-auto max-w-full rounded-md" {...p} />,
};

export function MarkdownContent({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cx("text-sm break-words text-fg sm:text-base", className)}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {source}
      </Markdown>
    </div>
  );
}
