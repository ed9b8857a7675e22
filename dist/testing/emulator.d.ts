/** How one emulated Azure deployment behaves. */
export interface DeploymentOptions {
    /** The model name it reports. Default: the deployment name. */
    model?: string;
    /** Most embedding inputs per call (older deployments: 1 or 16). Default 2048. */
    maxInputs?: number;
    /** Send floats even when `encoding_format: "base64"` is asked for, as some old deployments do. */
    ignoresEncodingFormat?: boolean;
}
export interface EmulatorOptions {
    /** OpenAI keys accepted as `Authorization: Bearer`. Default: any key that starts with `sk-`. */
    openaiKeys?: string[];
    /** Azure `api-key` values accepted. Default: any non-empty key. */
    azureKeys?: string[];
    /** Azure Entra ID tokens accepted as `Authorization: Bearer`. Default: any non-empty token. */
    azureTokens?: string[] | ((token: string) => boolean);
    /** Azure deployments by name. Default: any name is a deployment with default behaviour. */
    deployments?: Record<string, DeploymentOptions>;
    /** Dated Azure api-versions accepted. Default: any `YYYY-MM-DD` or `YYYY-MM-DD-preview`. */
    apiVersions?: string[];
    /** Wait this long before answering each request. */
    latencyMs?: number;
    /** Make every chat or completion reply exactly this many tokens (a stream sends one chunk per token). */
    replyTokens?: number;
    /** Keep a log of requests in `requests`. Default true. */
    record?: boolean;
    /** Request headers allowed by CORS preflight besides the ones the services' clients need. */
    corsAllowHeaders?: string[];
}
/** A request as the emulator saw it. */
export interface RecordedRequest {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: unknown;
}
/** The emulator: a handler for any server, a `fetch` for in-process use, and what it has seen. */
export interface Emulator {
    handle(request: Request): Promise<Response>;
    fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
    readonly requests: RecordedRequest[];
    readonly stats: {
        inFlight: number;
        maxInFlight: number;
        streamsCancelled: number;
    };
    reset(): void;
}
/**
 * The message Azure answers (HTTP 400) when a call has more embedding inputs than the deployment takes.
 *
 * @example
 * ```ts
 * expect(error.message).toBe(tooManyInputsMessage(16));
 * ```
 */
export declare const tooManyInputsMessage: (max: number) => string;
/**
 * Creates an emulator of both services. Paths under `/v1/` speak OpenAI; under `/openai/` they speak Azure
 * (`/openai/deployments/{name}/…?api-version=…` and `/openai/v1/…`).
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ deployments: { ada: { maxInputs: 16 } } });
 * const client = createClient({ provider: "azure", endpoint: "http://emulator", apiVersion: "2023-05-15", apiKey: "k", fetch: emulator.fetch });
 * ```
 */
export declare function createEmulator(options?: EmulatorOptions): Emulator;
