import type { DeploymentOptions, RequestBody } from "./types.js";
/**
 * The message Azure answers (HTTP 400) when a call has more embedding inputs than the deployment takes.
 *
 * @example
 * ```ts
 * expect(error.message).toBe(tooManyInputsMessage(16));
 * ```
 */
export declare const tooManyInputsMessage: (max: number) => string;
/** The inputs of an embeddings request, checked as the services check them. */
export declare function embeddingInputs(body: RequestBody): string[];
/** The embeddings response for checked `inputs`. */
export declare function embed(body: RequestBody, inputs: string[], model: string, settings: DeploymentOptions): unknown;
