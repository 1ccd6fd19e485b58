import root from "../eslint.config.mjs";

// The bench is a process entry point: it sets up its own throwaway environment, so it reads process.env.
export default [...root, { files: ["src/**"], rules: { "no-restricted-properties": "off" } }];
