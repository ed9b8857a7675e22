/** Which service's shapes to speak. */
export type Flavor = "openai" | "azure";
type Json = Record<string, unknown>;
/** An error answer on its way out: thrown anywhere in the emulator's pipeline, sent by its handler. */
export declare class Refusal {
    readonly status: number;
    /** An object is sent as JSON, a string as it is. */
    readonly body: unknown;
    readonly headers: Record<string, string>;
    constructor(status: number, 
    /** An object is sent as JSON, a string as it is. */
    body: unknown, headers?: Record<string, string>);
}
/** OpenAI's error shape: all four fields present, `param` and `code` may be null. Azure's model servers use it too. */
export declare function openaiError(message: string, fields?: {
    type?: string | null;
    param?: string | null;
    code?: string | null;
}): Json;
/** Azure's front door shape: `{ code, message }`, where the code is often the status as a string. */
export declare function azureError(code: string, message: string): Json;
/** Throws the answer of a request the service refuses as invalid (HTTP 400 in OpenAI's shape, on both services). */
export declare function invalid(message: string, param?: string | null, code?: string | null): never;
export declare const AZURE_DENIED = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
export declare const NO_DEPLOYMENT = "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";
/** OpenAI's answer to a path it does not serve. */
export declare const invalidUrl: (method: string, path: string) => Refusal;
/** Azure's answer to a path (or a missing or malformed api-version) it does not serve. */
export declare const notFound: () => Refusal;
/**
 * Azure's HTTP 400 body when its content filter blocks the prompt (`"prompt"`, the default) or the reply
 * (`"output"`: what Azure sends when the filter stops a generation that cannot be cut, e.g. a Responses call).
 * Use it with `failNext`.
 *
 * @example
 * ```ts
 * emulator.failNext({ status: 400, body: contentFilterError("prompt") });
 * await expect(client.chat({ model, messages })).rejects.toMatchObject({ status: 400, code: "content_filter" });
 * ```
 */
export declare function contentFilterError(where?: "prompt" | "output"): Json;
/** How long to wait, as OpenAI writes it in `x-ratelimit-reset-*` and its messages: `20ms`, `1s`, `1m30.5s`, `6m0s`. */
export declare function openaiDuration(ms: number): string;
/** What a 429 says: which limit, its size, what was used and asked, and how long to wait. */
export interface Throttle {
    kind: "requests" | "tokens";
    limit: number;
    used: number;
    requested: number;
    waitMs: number;
    /** The model (OpenAI) or the operation's name (Azure) the message names. */
    model: string;
    /** Azure's message names the api-version. */
    apiVersion?: string;
}
/** The 429 of each service for `throttle`, with its headers: `retry-after-ms` + `retry-after` on Azure, `x-ratelimit-*` on both. */
export declare function rateLimited(flavor: Flavor, throttle: Throttle, headers?: Record<string, string>): Refusal;
/**
 * The answer a service gives with `status` when a test asks for one by status alone (`failNext({ status })`):
 * 401, 404 (DeploymentNotFound on Azure, model_not_found on OpenAI), 429 (each service's rate-limit headers,
 * a 20 ms wait), 500, 503, or a generic body for other statuses.
 */
export declare function statusAnswer(flavor: Flavor, status: number, model: string, operation: string, apiVersion?: string): Refusal;
/** Azure names operations in its throttling messages: `ChatCompletions_Create`, `Embeddings_Create`, … */
export declare function operationName(operation: string): string;
export {};
