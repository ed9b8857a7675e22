// Every operation the client calls, as data: its method and path, where an Azure deployment goes, which Azure
// route forms serve it, and what a 2xx answer must carry. providers.ts reads this table; nothing branches on names.

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
export type OperationName =
  | "chat"
  | "completions"
  | "embeddings"
  | "responses.create"
  | "responses.retrieve"
  | "responses.resume"
  | "responses.cancel"
  | "responses.delete"
  | "responses.inputItems";

/** Azure's dated Responses API starts here ("enabled only for api-version 2025-03-01-preview and later"). */
export const RESPONSES_SINCE: string = "2025-03-01-preview";

/**
 * The table. Azure dates: chat completions arrived with 2023-03-15-preview, completions and embeddings were in the
 * first GA version 2022-12-01; Azure's v1 API has no legacy completions.
 *
 * @example
 * ```ts
 * OPERATIONS["responses.cancel"]; // { method: "POST", path: "responses/{id}/cancel", deployment: "none", … }
 * ```
 */
export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {
  chat: {
    method: "POST", path: "chat/completions", deployment: "path",
    since: "2023-03-15-preview", v1: true, returns: "choices",
  },
  completions: {
    method: "POST", path: "completions", deployment: "path", since: "2022-12-01", v1: false, returns: "choices",
  },
  embeddings: {
    method: "POST", path: "embeddings", deployment: "path", since: "2022-12-01", v1: true, returns: "data",
  },
  "responses.create": {
    method: "POST", path: "responses", deployment: "body", since: RESPONSES_SINCE, v1: true, returns: "output",
  },
  "responses.retrieve": {
    method: "GET", path: "responses/{id}", deployment: "none", since: RESPONSES_SINCE, v1: true, returns: "output",
  },
  /** Retrieve as a stream: a background response, resumed with `stream=true&starting_after=N`. */
  "responses.resume": {
    method: "GET", path: "responses/{id}", deployment: "none", since: RESPONSES_SINCE, v1: true, events: true,
  },
  "responses.cancel": {
    method: "POST", path: "responses/{id}/cancel", deployment: "none",
    since: RESPONSES_SINCE, v1: true, returns: "output",
  },
  "responses.delete": {
    method: "DELETE", path: "responses/{id}", deployment: "none", since: RESPONSES_SINCE, v1: true,
  },
  "responses.inputItems": {
    method: "GET", path: "responses/{id}/input_items", deployment: "none",
    since: RESPONSES_SINCE, v1: true, returns: "data",
  },
};
