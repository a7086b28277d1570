export * from "./hooks";
export * from "./components";
