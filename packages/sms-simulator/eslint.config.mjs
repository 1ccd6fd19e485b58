// The monorepo's one lint config, re-based on the repo root: its `files` patterns are written from
// there ("packages/modules/src/**"), and ESLint resolves patterns against the loaded config's folder.
import root from "../../eslint.config.mjs";

export default root.map((entry) => ({ ...entry, basePath: "../.." }));
