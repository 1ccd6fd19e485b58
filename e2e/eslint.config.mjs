// Re-based on the repo root, like every workspace (see packages/db/eslint.config.mjs).
import root from "../eslint.config.mjs";

export default root.map((entry) => ({ ...entry, basePath: ".." }));
