// An in-process emulator of the OpenAI API and Azure OpenAI: a Request → Response handler that checks auth,
// paths and api-version like the services, and answers with their shapes, headers and error bodies.
import { completion, embeddings, type Flavor, streamEvents } from "./replies.ts";

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
  readonly stats: { inFlight: number; maxInFlight: number; streamsCancelled: number };
  reset(): void;
}

const DEFAULT_CORS_HEADERS = ["authorization", "api-key", "content-type", "accept", "openai-organization", "openai-project"];
const AZURE_DENIED =
  "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
const NO_DEPLOYMENT = "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";

/**
 * The message Azure answers (HTTP 400) when a call has more embedding inputs than the deployment takes.
 *
 * @example
 * ```ts
 * expect(error.message).toBe(tooManyInputsMessage(16));
 * ```
 */
export const tooManyInputsMessage = (max: number): string =>
  `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;

class Refusal {
  constructor(readonly status: number, readonly error: Record<string, unknown>, readonly headers: Record<string, string> = {}) {}
}

const refuse = (flavor: Flavor, status: number, message: string, code: string | null = null, param: string | null = null): never => {
  // Azure's own front door answers { code, message }; its 400s come from the model servers in OpenAI's shape.
  throw new Refusal(status, flavor == "azure" && status != 400 ? { code: code ?? String(status), message } : { message, type: "invalid_request_error", param, code });
};

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
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const requests: RecordedRequest[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, streamsCancelled: 0 };
  const cors = [...DEFAULT_CORS_HEADERS, ...(options.corsAllowHeaders ?? []).map((h) => h.toLowerCase())];
  let serial = 0;

  const authorize = (flavor: Flavor, headers: Headers) => {
    const bearer = /^Bearer (.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
    if (flavor == "openai") {
      if (!bearer) refuse(flavor, 401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
      if (options.openaiKeys ? !options.openaiKeys.includes(bearer!) : !bearer!.startsWith("sk-")) {
        refuse(flavor, 401, `Incorrect API key provided: ${bearer!.slice(0, 3)}***${bearer!.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_api_key");
      }
      return;
    }
    const key = headers.get("api-key");
    const tokens = options.azureTokens;
    const ok = key
      ? !options.azureKeys || options.azureKeys.includes(key)
      : !!bearer && (!tokens || (typeof tokens == "function" ? tokens(bearer) : tokens.includes(bearer)));
    if (!ok) refuse(flavor, 401, AZURE_DENIED);
  };

  const route = (url: URL): { flavor: Flavor; op: string; deployment?: string } => {
    const path = url.pathname;
    let m = /^\/v1\/(chat\/completions|completions|embeddings)$/.exec(path);
    if (m) return { flavor: "openai", op: m[1]! };
    m = /^\/openai\/v1\/(chat\/completions|embeddings)$/.exec(path);
    if (m) return { flavor: "azure", op: m[1]! };
    m = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|completions|embeddings)$/.exec(path);
    if (!m) return refuse(path.startsWith("/openai/") ? "azure" : "openai", 404, "Resource not found");
    const version = url.searchParams.get("api-version") ?? "";
    const known = options.apiVersions ? options.apiVersions.includes(version) : /^\d{4}-\d\d-\d\d(-preview)?$/.test(version);
    if (!known) refuse("azure", 404, "Resource not found");
    return { flavor: "azure", op: m[2]!, deployment: decodeURIComponent(m[1]!) };
  };

  const answer = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (request.method == "OPTIONS") return new Response(null, { status: 200, headers: preflight(request) });
    const { flavor, op, deployment } = route(url);
    if (request.method != "POST") refuse(flavor, 405, `Method ${request.method} not allowed`);
    authorize(flavor, request.headers);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return refuse(flavor, 400, "We could not parse the JSON body of your request.");
    }
    if (options.record !== false) requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
    const name = deployment ?? (body.model as string | undefined);
    if (!name) refuse(flavor, 400, "you must provide a model parameter", null, "model");
    let settings: DeploymentOptions = {};
    if (flavor == "azure") {
      const known = options.deployments?.[name!];
      if (options.deployments && !known) refuse(flavor, 404, NO_DEPLOYMENT, "DeploymentNotFound");
      settings = known ?? {};
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const shape = { id: `${op == "embeddings" ? "emb" : "chatcmpl"}-emu${++serial}`, created: 1_700_000_000 + serial, model: settings.model ?? name!, flavor, chat: op == "chat/completions" };
    const headers = responseHeaders(flavor, serial);
    if (op == "embeddings") return Response.json(embed(flavor, body, shape.model, settings), { headers });
    if (!body.stream) return Response.json(completion(shape, body, options.replyTokens), { headers });
    headers["content-type"] = "text/event-stream; charset=utf-8";
    headers["cache-control"] = "no-cache";
    const events = streamEvents(shape, body, options.replyTokens);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        let text = "";
        for (let i = 0; i < 64; i++) {
          const next = events.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            return controller.close();
          }
          text += "data: " + next.value + "\n\n";
        }
        controller.enqueue(encoder.encode(text));
      },
      cancel() {
        stats.streamsCancelled++;
      },
    });
    return new Response(stream, { headers });
  };

  const embed = (flavor: Flavor, body: Record<string, unknown>, model: string, settings: DeploymentOptions) => {
    const { input } = body;
    const inputs = typeof input == "string" ? [input] : input;
    if (!Array.isArray(inputs) || !inputs.length || inputs.length > 2048 || inputs.some((t) => typeof t != "string")) {
      refuse(flavor, 400, "'input' must be a string or an array of 1 to 2048 strings", null, "input");
    }
    const index = (inputs as string[]).findIndex((t) => !t);
    if (index >= 0) refuse(flavor, 400, `'$.input[${index}]' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`, null, "input");
    const max = settings.maxInputs ?? 2048;
    if ((inputs as string[]).length > max) refuse("openai", 400, tooManyInputsMessage(max));
    const dimensions = (body.dimensions as number | undefined) ?? (/3-large/.test(model) ? 3072 : 1536);
    if (!Number.isInteger(dimensions) || dimensions < 1) refuse(flavor, 400, "dimensions must be a positive integer", null, "dimensions");
    return embeddings(model, inputs as string[], dimensions, body.encoding_format == "base64" && !settings.ignoresEncodingFormat);
  };

  const preflight = (request: Request): Record<string, string> => {
    const asked = (request.headers.get("access-control-request-headers") ?? "").toLowerCase().split(",").map((h) => h.trim()).filter(Boolean);
    return {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": asked.filter((h) => cors.includes(h)).join(", "),
      "access-control-max-age": "600",
    };
  };

  const handle = async (request: Request): Promise<Response> => {
    stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    try {
      return await answer(request);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const flavor: Flavor = new URL(request.url).pathname.startsWith("/openai/") ? "azure" : "openai";
      return Response.json({ error: e.error }, { status: e.status, headers: { ...responseHeaders(flavor, ++serial), ...e.headers } });
    } finally {
      stats.inFlight--;
    }
  };

  return {
    handle,
    fetch: (input, init) => handle(new Request(input, init)),
    requests,
    stats,
    reset() {
      requests.length = 0;
      stats.maxInFlight = stats.inFlight;
      stats.streamsCancelled = 0;
    },
  };
}

const responseHeaders = (flavor: Flavor, serial: number): Record<string, string> => {
  const id = serial.toString(16).padStart(12, "0");
  return flavor == "azure"
    ? { "apim-request-id": `00000000-0000-4000-8000-${id}`, "x-request-id": `00000000-0000-4000-9000-${id}`, "x-ms-region": "East US", "access-control-allow-origin": "*" }
    : { "x-request-id": `req_${id}`, "openai-processing-ms": "1", "openai-version": "2020-10-01", "access-control-allow-origin": "*" };
};
