/**
 * `openai-switch/testing`: an emulator of the OpenAI API and Azure OpenAI for offline tests of your app.
 * `createEmulator` runs anywhere (a `Request → Response` handler and a `fetch`); `serve` puts any handler on
 * real HTTP (Node, Bun, Deno).
 *
 * @example
 * ```ts
 * import { createEmulator, serve } from "openai-switch/testing";
 * const emulator = createEmulator({ deployments: { "ada-old": { maxInputs: 1 } } });
 * const server = await serve(emulator.handle);
 * ```
 * @module
 */
export { createEmulator } from "./testing/emulator.js";
export { tooManyInputsMessage } from "./testing/embeddings.js";
export type { DeploymentOptions, Emulator, EmulatorOptions, Fault, FaultFilter, LimitOptions, RecordedRequest, RequestBody, RequestMessage, } from "./testing/types.js";
export type { Reply, ReplyRequest, ToolCallReply } from "./testing/script.js";
export { PASSED_FILTERS } from "./testing/filters.js";
export { contentFilterError } from "./testing/refusals.js";
export { AZURE_API_VERSIONS } from "./testing/versions.js";
export { serve } from "./testing/serve.js";
export type { Served } from "./testing/serve.js";
export { countTokens, embeddingOf, float32ToBase64 } from "./testing/vectors.js";
export { estimateTokens } from "./testing/limits.js";
