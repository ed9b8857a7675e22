/** The HTTP methods the APIs use. */
export type Method = "GET" | "POST" | "DELETE";
/** One operation of the APIs. */
export interface Operation {
    method: Method;
    /** After the API root (`{baseURL}/`, `{endpoint}/openai/`, `{endpoint}/openai/v1/`); `{id}` is one segment. */
    path: string;
    /**
     * Where an Azure deployment goes on a dated api-version: `"path"` (`/deployments/{name}/{path}`), `"body"` (the
     * deployment's name as `model` in the body), or `"none"` (the call names no model and sends no body). On Azure's
     * v1 API a deployment always goes as `model` in the body.
     */
    deployment: "path" | "body" | "none";
    /** The oldest dated Azure api-version that serves it; undefined when no dated version does. */
    since?: string;
    /** Whether Azure's `/openai/v1` API serves it. */
    v1: boolean;
    /** The array field a 2xx JSON body must have (`choices`, `data`, `output`); undefined: any JSON object. */
    returns?: string;
    /** It answers with a stream of server-sent events (whatever the request says). */
    events?: boolean;
}
/** The name of an operation in {@link OPERATIONS}. */
export type OperationName = "chat" | "completions" | "embeddings" | "responses.create" | "responses.retrieve" | "responses.resume" | "responses.cancel" | "responses.delete" | "responses.inputItems";
/** Azure's dated Responses API starts here ("enabled only for api-version 2025-03-01-preview and later"). */
export declare const RESPONSES_SINCE: string;
/**
 * The table. Azure dates: chat completions arrived with 2023-03-15-preview, completions and embeddings were in the
 * first GA version 2022-12-01; Azure's v1 API has no legacy completions.
 *
 * @example
 * ```ts
 * OPERATIONS["responses.cancel"]; // { method: "POST", path: "responses/{id}/cancel", deployment: "none", … }
 * ```
 */
export declare const OPERATIONS: Readonly<Record<OperationName, Operation>>;
