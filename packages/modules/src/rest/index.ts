export { handleRestRequest } from "./handler";
export { openApiDocument } from "./openapi";
