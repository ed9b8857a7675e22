// The error answers of both services: the bodies and headers their clients parse, in one place.
import { PASSED_FILTERS } from "./filters.ts";

/** Which service's shapes to speak. */
export type Flavor = "openai" | "azure";

type Json = Record<string, unknown>;

/** An error answer on its way out: thrown anywhere in the emulator's pipeline, sent by its handler. */
export class Refusal {
  constructor(
    readonly status: number,
    /** An object is sent as JSON, a string as it is. */
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** OpenAI's error shape: all four fields present, `param` and `code` may be null. Azure's model servers use it too. */
export function openaiError(message: string, fields: { type?: string | null; param?: string | null; code?: string | null } = {}): Json {
  return { error: { message, type: fields.type === undefined ? "invalid_request_error" : fields.type, param: fields.param ?? null, code: fields.code ?? null } };
}

/** Azure's front door shape: `{ code, message }`, where the code is often the status as a string. */
export function azureError(code: string, message: string): Json {
  return { error: { code, message } };
}

/** Throws the answer of a request the service refuses as invalid (HTTP 400 in OpenAI's shape, on both services). */
export function invalid(message: string, param: string | null = null, code: string | null = null): never {
  throw new Refusal(400, openaiError(message, { param, code }));
}

export const AZURE_DENIED =
  "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
export const NO_DEPLOYMENT =
  "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";

/** OpenAI's answer to a path it does not serve. */
export const invalidUrl = (method: string, path: string): Refusal => new Refusal(404, openaiError(`Invalid URL (${method} ${path})`));
/** Azure's answer to a path (or a missing or malformed api-version) it does not serve. */
export const notFound = (): Refusal => new Refusal(404, azureError("404", "Resource not found"));

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
export function contentFilterError(where: "prompt" | "output" = "prompt"): Json {
  const message =
    where == "prompt"
      ? "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766"
      : "The response was filtered due to the output triggering Azure OpenAI's content management policy. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
  return {
    error: {
      message,
      type: null,
      param: where,
      code: "content_filter",
      status: 400,
      innererror: {
        code: "ResponsibleAIPolicyViolation",
        content_filter_result: { ...PASSED_FILTERS, self_harm: { filtered: true, severity: "medium" }, jailbreak: { filtered: false, detected: false } },
      },
    },
  };
}

/** How long to wait, as OpenAI writes it in `x-ratelimit-reset-*` and its messages: `20ms`, `1s`, `1m30.5s`, `6m0s`. */
export function openaiDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 100) / 10;
  return minutes ? `${minutes}m${seconds}s` : `${seconds}s`;
}

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
export function rateLimited(flavor: Flavor, throttle: Throttle, headers: Record<string, string> = {}): Refusal {
  const { kind, limit, used, requested, waitMs, model } = throttle;
  if (flavor == "azure") {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    const limitName = kind == "requests" ? "call rate limit" : "token rate limit";
    const message = `Requests to the ${model} Operation under Azure OpenAI API version ${throttle.apiVersion ?? "v1"} have exceeded ${limitName} of your current OpenAI S0 pricing tier. Please retry after ${seconds} second${seconds == 1 ? "" : "s"}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`;
    return new Refusal(429, azureError("429", message), { "retry-after-ms": String(Math.max(0, Math.ceil(waitMs))), "retry-after": String(seconds), ...headers });
  }
  const per = kind == "requests" ? "requests per min (RPM)" : "tokens per min (TPM)";
  const message = `Rate limit reached for ${model} in organization org-emulator on ${per}: Limit ${limit}, Used ${used}, Requested ${requested}. Please try again in ${openaiDuration(waitMs)}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
  return new Refusal(429, openaiError(message, { type: kind, code: "rate_limit_exceeded" }), headers);
}

/** The headers of a 429 when no limit is configured (a `failNext`): a 20 ms wait, in each service's words. */
const quickRetryHeaders = (flavor: Flavor): Record<string, string> => {
  const openai = {
    "x-ratelimit-limit-requests": "60",
    "x-ratelimit-remaining-requests": "0",
    "x-ratelimit-reset-requests": "20ms",
    "x-ratelimit-limit-tokens": "150000",
    "x-ratelimit-remaining-tokens": "0",
    "x-ratelimit-reset-tokens": "20ms",
  };
  return flavor == "azure" ? { "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0" } : openai;
};

/**
 * The answer a service gives with `status` when a test asks for one by status alone (`failNext({ status })`):
 * 401, 404 (DeploymentNotFound on Azure, model_not_found on OpenAI), 429 (each service's rate-limit headers,
 * a 20 ms wait), 500, 503, or a generic body for other statuses.
 */
export function statusAnswer(flavor: Flavor, status: number, model: string, operation: string): Refusal {
  const azure = flavor == "azure";
  switch (status) {
    case 401:
      return new Refusal(
        401,
        azure ? azureError("401", AZURE_DENIED) : openaiError("Incorrect API key provided: sk-***oops. You can find your API key at https://platform.openai.com/account/api-keys.", { code: "invalid_api_key" }),
      );
    case 404:
      return new Refusal(
        404,
        azure ? azureError("DeploymentNotFound", NO_DEPLOYMENT) : openaiError(`The model \`${model}\` does not exist or you do not have access to it.`, { code: "model_not_found" }),
      );
    case 429:
      return rateLimited(flavor, { kind: "requests", limit: 60, used: 60, requested: 1, waitMs: 20, model: azure ? operationName(operation) : model }, quickRetryHeaders(flavor));
    case 500:
      return new Refusal(
        500,
        azure ? azureError("InternalServerError", "Backend returned unexpected response. Please contact Microsoft for help.") : openaiError("The server had an error while processing your request. Sorry about that!", { type: "server_error" }),
      );
    case 503:
      return new Refusal(
        503,
        azure ? azureError("ServiceUnavailable", "The service is temporarily unable to process your request. Please try again later.") : openaiError("The server is overloaded or not ready yet.", { type: "server_error" }),
      );
    default:
      return new Refusal(status, azure && status != 400 ? azureError(String(status), `Emulated HTTP ${status}`) : openaiError(`Emulated HTTP ${status}`));
  }
}

/** Azure names operations in its throttling messages: `ChatCompletions_Create`, `Embeddings_Create`, … */
export function operationName(operation: string): string {
  const names: Record<string, string> = {
    "chat/completions": "ChatCompletions_Create",
    completions: "Completions_Create",
    embeddings: "Embeddings_Create",
    responses: "Responses_Create",
  };
  return names[operation] ?? "Responses";
}
