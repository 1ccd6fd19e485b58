// The monorepo's one lint config. Its `files` patterns are written from the repo root
// ("apps/web/**/*.{ts,tsx}"), but ESLint resolves patterns against the directory of the config
// file it loaded. Re-basing every entry on the repo root keeps the project rules (no unscoped DB
// client, no raw process.env) in force when linting from here (`npm run lint -w @orchestrator/web`).
import root from "../../eslint.config.mjs";

export default root.map((entry) => ({ ...entry, basePath: "../.." }));
