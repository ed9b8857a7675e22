import type { Reply, ReplyRequest } from "./script.js";
/**
 * Limits a service puts on calls. Tokens are estimated as characters / 4 (rounded up), the rule of thumb
 * OpenAI gives for English text; the emulator's `usage` figures count words instead (`countTokens`).
 *
 * @example
 * ```ts
 * createEmulator({ openai: { maxTokensPerRequest: 1_000 }, deployments: { ada: { requestsPerMinute: 60 } } });
 * ```
 */
export interface LimitOptions {
    /** Most tokens summed over one embeddings call's inputs (HTTP 400 `max_tokens_per_request`). OpenAI default 300 000. */
    maxTokensPerRequest?: number;
    /** Most tokens in one embeddings input, or one chat/completion/Responses prompt when set ("maximum context length"). Embeddings default 8192. */
    maxInputTokens?: number;
    /** Requests in any 60 s window before 429s (counted per deployment; OpenAI: per model). Default: no limit. */
    requestsPerMinute?: number;
    /** Estimated prompt tokens in any 60 s window before 429s. Default: no limit. */
    tokensPerMinute?: number;
    /**
     * The window the two rates are evaluated over, in ms. Default 60 000. Azure evaluates a per-minute rate over 1 or
     * 10 s: with 1000, `requestsPerMinute: 600` admits 10 requests in any second, and the headers count that window.
     *
     * @example
     * ```ts
     * createEmulator({ deployments: { ada: { requestsPerMinute: 600, rateWindowMs: 1000 } } });
     * ```
     */
    rateWindowMs?: number;
}
/**
 * How one emulated Azure deployment behaves.
 *
 * @example
 * ```ts
 * createEmulator({ deployments: { "ada-old": { model: "text-embedding-ada-002", maxInputs: 16 } } });
 * ```
 */
export interface DeploymentOptions extends LimitOptions {
    /** The model name it reports. Default: the deployment name. */
    model?: string;
    /** Most embedding inputs per call (older deployments: 1 or 16). Default 2048. */
    maxInputs?: number;
    /** Send floats even when `encoding_format: "base64"` is asked for, as some old deployments do. */
    ignoresEncodingFormat?: boolean;
}
/**
 * How the emulator behaves.
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ azureKeys: ["k"], deployments: { "gpt-4o": {} }, reply: () => "Paris" });
 * ```
 */
export interface EmulatorOptions {
    /** OpenAI keys accepted as `Authorization: Bearer`. Default: any key that starts with `sk-`. */
    openaiKeys?: string[];
    /** Azure keys accepted as `api-key` (and as `Authorization: Bearer` on v1 routes). Default: any non-empty key. */
    azureKeys?: string[];
    /** Azure Entra ID tokens accepted as `Authorization: Bearer`. Default: any token, unless `azureKeys` are listed. */
    azureTokens?: string[] | ((token: string) => boolean);
    /** Azure deployments by name. Default: any name is a deployment with default behaviour. */
    deployments?: Record<string, DeploymentOptions>;
    /**
     * Limits on OpenAI calls (rate limits are counted per model).
     *
     * @example
     * ```ts
     * createEmulator({ openai: { maxTokensPerRequest: 1_000, requestsPerMinute: 60 } });
     * ```
     */
    openai?: LimitOptions;
    /** Dated Azure api-versions accepted. Default: `AZURE_API_VERSIONS` (the GA and preview versions published). */
    apiVersions?: string[];
    /**
     * What the model answers to chat, completions and Responses calls. Default: "You said: <prompt>", or, when
     * function tools are given and no tool result has come back yet, a call of the first one.
     *
     * @example
     * ```ts
     * createEmulator({ reply: (r) => (r.prompt.includes("weather") ? { toolCalls: [{ name: "weather", arguments: { city: "Paris" } }] } : "Hi") });
     * ```
     */
    reply?: (request: ReplyRequest) => Reply | Promise<Reply>;
    /** Wait this long before answering each request. */
    latencyMs?: number;
    /** Make every chat, completion or Responses text exactly this many tokens (a stream sends one event per token). */
    replyTokens?: number;
    /** Keep a log of requests in `requests`. Default true. */
    record?: boolean;
    /** Request headers allowed by CORS preflight besides the ones the services' clients need. */
    corsAllowHeaders?: string[];
    /**
     * The clock rate limits are counted by, in ms. Default `Date.now`.
     *
     * @example
     * ```ts
     * let clock = 0;
     * const emulator = createEmulator({ now: () => clock, deployments: { ada: { requestsPerMinute: 1 } } });
     * clock += 60_000; // the window has moved on
     * ```
     */
    now?: () => number;
}
/**
 * A chat message as a request sends it.
 *
 * @example
 * ```ts
 * expect(emulator.requests[1]?.body.messages?.at(-1)).toMatchObject({ role: "tool", content: "shipped" });
 * ```
 */
export interface RequestMessage {
    role: string;
    content?: unknown;
    /** An assistant message's calls, as the app sends them back. */
    tool_calls?: {
        id: string;
        type: string;
        function: {
            name: string;
            arguments: string;
        };
    }[];
    /** A tool message's answer to a call. */
    tool_call_id?: string;
    [field: string]: unknown;
}
/**
 * The JSON body of a request, with the fields tests look at typed (any other field is `unknown`). `{}` for GET
 * and DELETE.
 *
 * @example
 * ```ts
 * expect(emulator.requests[0]?.body.stream).toBe(true);
 * ```
 */
export interface RequestBody {
    model?: string;
    messages?: RequestMessage[];
    /** Embeddings: a string or strings; Responses: a string or input items. */
    input?: string | string[] | Record<string, unknown>[];
    prompt?: string | string[];
    stream?: boolean;
    stream_options?: {
        include_usage?: boolean;
    };
    tools?: Record<string, unknown>[];
    encoding_format?: string;
    dimensions?: number;
    max_tokens?: number;
    max_completion_tokens?: number;
    max_output_tokens?: number;
    instructions?: string;
    store?: boolean;
    background?: boolean;
    previous_response_id?: string;
    [field: string]: unknown;
}
/**
 * A request as the emulator saw it.
 *
 * @example
 * ```ts
 * expect(emulator.requests.map((r) => r.body.input?.length)).toEqual([16, 4]);
 * ```
 */
export interface RecordedRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: RequestBody;
}
/**
 * Which calls a fault applies to; every field given must match.
 *
 * @example
 * ```ts
 * emulator.failNext({ status: 500, route: "embeddings", deployment: "ada", provider: "azure" });
 * ```
 */
export interface FaultFilter {
    /** The operation: `"chat/completions"`, `"completions"`, `"embeddings"`, `"responses"`, `"responses/{id}"`, … */
    route?: string;
    /** The Azure deployment (path or body), or the OpenAI model. */
    deployment?: string;
    provider?: "openai" | "azure";
}
/**
 * A fault to inject into the next matching calls (`failNext`): an error answer, a cut or stalled body, or a
 * content-filter verdict.
 *
 * @example
 * ```ts
 * emulator.failNext({ status: 429, headers: { "retry-after-ms": "20" } }, 2);
 * emulator.failNext({ cutAfter: 3, route: "chat/completions" });
 * ```
 */
export type Fault = FaultFilter & ({
    /** Answer with this status: the service's own body and headers for it unless given. */
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
} | {
    /** A stream closes after this many events, with no `[DONE]` or terminal event; a JSON body after this many bytes. */
    cutAfter: number;
} | {
    /** Send the head, then nothing for this long (then the rest). */
    stallMs: number;
} | {
    /** Azure's content filter: `"prompt"` refuses with HTTP 400; `"output"` stops the reply (`finish_reason: "content_filter"`). */
    contentFilter: "prompt" | "output";
});
/**
 * The emulator: a handler for any server, a `fetch` for in-process use, and what it has seen.
 *
 * @example
 * ```ts
 * const emulator = createEmulator();
 * const client = createClient({ provider: "openai", apiKey: "sk-test", fetch: emulator.fetch });
 * ```
 */
export interface Emulator {
    handle(request: Request): Promise<Response>;
    /** Answers in-process; honours `init.signal` as real fetch does. */
    fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
    /**
     * Queues `fault` for the next `times` (default 1) calls that match its filter; faults are used in the order
     * queued. A fault without exactly one kind, or `times` < 1, is a `TypeError`.
     *
     * @example
     * ```ts
     * emulator.failNext({ status: 429 }, 2); // the next two calls are rate-limited, the third passes
     * ```
     */
    failNext(fault: Fault, times?: number): void;
    readonly requests: RecordedRequest[];
    readonly stats: {
        inFlight: number;
        maxInFlight: number;
        streamsCancelled: number;
    };
    /** Forgets recorded requests, queued faults, rate-limit windows and stored responses. */
    reset(): void;
}
