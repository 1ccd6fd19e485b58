// One lint config for the whole monorepo. Two project rules matter most:
//  - request code (web app, module routers/services, REST) never imports the raw database client:
//    `@orchestrator/db/system` is for migrations, seed, tests, bench and system-level jobs only;
//  - configuration is read through each package's validated env module, never `process.env` directly.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const systemImportBan = {
  paths: [{ name: "@orchestrator/db/system", message: "Request code gets a ScopedDb from its context; the raw client is for migrations, seed and system jobs only." }],
  patterns: [{ group: ["**/system", "**/system.ts", "**/client/unsafe*"], message: "Use the ScopedDb from the request context." }],
};

// The web app also has one Pages Router page (/login), so Next types these hooks as nullable; App
// Router code takes the non-null versions from ~/lib/navigation. Toasts go through a lazy facade.
const webImportBan = {
  paths: [...systemImportBan.paths, { name: "next/navigation", importNames: ["usePathname", "useSearchParams"], message: "Import usePathname/useSearchParams from ~/lib/navigation." }, { name: "sonner", message: "Use ~/components/ui/toast: it keeps sonner out of the First Load JS." }],
  patterns: systemImportBan.patterns,
};

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/drizzle/**", "**/next-env.d.ts", "**/test-results/**", "**/playwright-report/**", "**/*.config.{js,mjs,cjs}", "**/.data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", Request: "readonly", Response: "readonly", Headers: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", TextEncoder: "readonly", crypto: "readonly", structuredClone: "readonly", AbortController: "readonly", document: "readonly", window: "readonly", localStorage: "readonly", navigator: "readonly", ReadableStream: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through the package's env.ts (validated at start-up)." }],
    },
  },
  {
    // Files allowed to read process.env: the validated env modules and process entry points' bootstrap.
    files: ["**/env.ts", "**/*.config.ts", "**/scripts/**", "**/e2e/**", "**/bench/src/**", "**/testing/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Request code: the web app and module routers/services/REST may not touch the unscoped client.
    files: ["packages/modules/src/**/*.ts", "apps/web/src/lib/navigation.ts"],
    // Demo seeds (a module's `demo/` folder) are seed code: they create users with the raw client.
    ignores: ["**/*.test.ts", "**/testing/**", "packages/modules/src/jobs/system/**", "packages/modules/src/**/demo/**"],
    rules: { "no-restricted-imports": ["error", systemImportBan] },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "apps/web/src/lib/navigation.ts"],
    rules: { "no-restricted-imports": ["error", webImportBan] },
  },
);
