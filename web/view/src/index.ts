export { createInlayApp, InlayApp, isHostless, openai, PROTOCOL_VERSION, SET_GLOBALS_EVENT } from "./app";
export type { InlayOptions } from "./app";
export { RpcError, TIMEOUT_CODE } from "./rpc";
export { chatGptStyleVariables, filterStyleVariables } from "./host-styles";
export type * from "./types";
