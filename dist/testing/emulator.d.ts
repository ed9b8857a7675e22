import type { Emulator, EmulatorOptions } from "./types.js";
export type { DeploymentOptions, Emulator, EmulatorOptions, RecordedRequest } from "./types.js";
/**
 * Creates an emulator of both services. Paths under `/v1/` speak OpenAI; under `/openai/` they speak Azure
 * (`/openai/deployments/{name}/…?api-version=…`, `/openai/v1/…`, and `/openai/responses…?api-version=…`).
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ deployments: { ada: { maxInputs: 16 } } });
 * const client = createClient({ provider: "azure", endpoint: "http://emulator", apiVersion: "2024-10-21", apiKey: "k", fetch: emulator.fetch });
 * ```
 */
export declare function createEmulator(options?: EmulatorOptions): Emulator;
