export * from "./core";
export * from "./clients";
export * from "./views";
export * from "./sync";
export * from "./helpdesk";
export * from "./helpdesk-escalation";
