"use client";

import { PageHeader } from "~/components/ui/page-header";
import { ArticleEditor } from "./article-editor";
import { KbTabs } from "./kb-tabs";

export function NewArticle() {
  return (
    <>
      <KbTabs />
      <PageHeader title="New article" description="Saved as a draft; publish it when it is ready for agents and customers." />
      <ArticleEditor />
    </>
  );
}
