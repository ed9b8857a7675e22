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
export { createEmulator } from "./testing/emulator.ts";
export { tooManyInputsMessage } from "./testing/embeddings.ts";
export type {
  DeploymentOptions,
  Emulator,
  EmulatorOptions,
  Fault,
  FaultFilter,
  LimitOptions,
  RecordedRequest,
  RequestBody,
  RequestMessage,
} from "./testing/types.ts";
export type { Reply, ReplyRequest, ToolCallReply } from "./testing/script.ts";
export { PASSED_FILTERS } from "./testing/filters.ts";
export { contentFilterError } from "./testing/refusals.ts";
export { AZURE_API_VERSIONS } from "./testing/versions.ts";
export { serve } from "./testing/serve.ts";
export type { Served } from "./testing/serve.ts";
export { countTokens, embeddingOf, float32ToBase64 } from "./testing/vectors.ts";
export { estimateTokens } from "./testing/limits.ts";
