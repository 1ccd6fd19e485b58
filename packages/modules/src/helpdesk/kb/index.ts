export { kbRouter } from "./router";
export { kbDocTypes, hdArticleDocType, hdArticleCategoryDocType, hdCannedResponseDocType } from "./doctypes";
export { listArticles, getArticle, createArticle, updateArticle, setArticleStatus, suggestArticles } from "./articles";
export { voteArticle } from "./feedback";
export { listReplies } from "./replies";
