// Re-based on the repo root, like every workspace (see packages/db/eslint.config.mjs). The bench is a
// process entry point that sets up its own throwaway environment, so the root config lets it read process.env.
import root from "../eslint.config.mjs";

export default root.map((entry) => ({ ...entry, basePath: ".." }));
