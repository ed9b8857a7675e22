export { createClient } from "./client.js";
export type { Client } from "./client.js";
export { fromEnv } from "./env.js";
export { ApiError, ConfigError, ConnectionError, OpenAISwitchError, TimeoutError } from "./errors.js";
export type { ApiErrorInit } from "./errors.js";
export { AZURE_SCOPE } from "./providers.js";
export { createSSEParser, parseSSE } from "./sse.js";
export type { ServerSentEvent, SSEParser } from "./sse.js";
export type * from "./types.js";
