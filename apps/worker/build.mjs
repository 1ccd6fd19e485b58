// Bundles the worker into dist/worker.mjs, started through dist/index.mjs. The workspace packages
// (@orchestrator/*) are TypeScript source, which Node cannot load, so they are bundled; every other
// bare import (node_modules, node:) stays external and is resolved from node_modules at run time.
//
// Why two files: inside a bundle every module's `import.meta.url` is the bundle's, so a workspace
// module's "am I the main script?" check (packages/db/src/migrate.ts runs migrations when it is)
// would fire if the bundle itself were the script node was started with.
import { rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";

const externalNodeModules = {
  name: "external-node-modules",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@orchestrator/") ? undefined : { path: args.path, external: true }));
  },
};

await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: "dist/worker.mjs",
  sourcemap: true,
  plugins: [externalNodeModules],
  logLevel: "info",
});

await writeFile("dist/index.mjs", 'import "./worker.mjs";\n');
