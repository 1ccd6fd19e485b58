export * from "./core";
export * from "./clients";
