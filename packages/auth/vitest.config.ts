import { workspaceVitestConfig } from "../../vitest.shared";

// next-auth imports `next/server` without an extension, which only a bundler resolves (Next has no
// exports map); letting Vite process next-auth resolves it as Next's own build does.
export default workspaceVitestConfig({ inlineDeps: ["next-auth"] });
