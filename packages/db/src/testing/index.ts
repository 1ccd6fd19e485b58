export { assertLocal, createThrowawayDatabase } from "./throwaway";
export { seedAccessModel, seedDemo, demoUsers, createUser, isDatabaseEmpty, demoDepartments, type DemoUser } from "../seed/demo";
export { eventually } from "./eventually";
