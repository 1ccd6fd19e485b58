/** The knowledge base's embeddable pieces, for the agent's ticket composer and the customer portal. */
export { ArticleSuggestions, portalArticlePath, staffArticlePath, type ArticleLink } from "./article-suggestions";
export { SavedReplyPicker, type PickedReply } from "./saved-reply-picker";
export { ArticleView } from "./article-view";
export { articleViewInput } from "./kb-params";
export { MarkdownContent } from "./markdown";
