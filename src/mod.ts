export { createClient } from "./client.ts";
export type { Client } from "./client.ts";
export { fromEnv } from "./env.ts";
export { ApiError, ConfigError, ConnectionError, OpenAISwitchError, TimeoutError } from "./errors.ts";
export type { ApiErrorInit, ConnectionErrorInit, TimeoutErrorInit } from "./errors.ts";
export { AZURE_SCOPE } from "./providers.ts";
export { createSSEParser, parseSSE } from "./sse.ts";
export type { ServerSentEvent, SSEParser } from "./sse.ts";
export type * from "./types.ts";
