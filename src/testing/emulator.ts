// An in-process emulator of the OpenAI API and Azure OpenAI: a Request → Response handler that routes, checks
// auth and api-version like the services, applies queued faults and limits, and answers with their shapes.
import { authorize } from "./auth.ts";
import { embed, embeddingInputs } from "./embeddings.ts";
import { bodyFaults, type Call, FaultQueue, faultRefusal } from "./faults.ts";
import { corsHeaders, preflight, responseHeaders } from "./headers.ts";
import { checkEmbeddingTokens, checkPromptTokens, embeddingLimits, estimateTokens, RateLimiter } from "./limits.ts";
import { azureError, invalid, NO_DEPLOYMENT, operationName, Refusal } from "./refusals.ts";
import { completion, conversationText, promptOf, type Shape, type Spoken, streamEvents } from "./replies.ts";
import { finishedResponse, inputText, promptOfInput } from "./responses.ts";
import { type Answer, ResponseStore } from "./responses-store.ts";
import { dataEvents, refusalResponse, respond } from "./respond.ts";
import { flavorOf, type Route, route } from "./router.ts";
import type { ReplyRequest } from "./script.ts";
import { speaker } from "./speak.ts";
import type {
  DeploymentOptions,
  Emulator,
  EmulatorOptions,
  Fault,
  LimitOptions,
  RecordedRequest,
  RequestBody,
} from "./types.ts";
import { abortable } from "./wire.ts";

export type { DeploymentOptions, Emulator, EmulatorOptions, RecordedRequest } from "./types.ts";

/** The operations whose body names a model (or an Azure deployment). */
const MODEL_CALLS = new Set(["chat/completions", "completions", "embeddings", "responses"]);

/** One request on its way through the pipeline. */
interface Context {
  method: string;
  route: Route;
  url: URL;
  body: RequestBody;
  /** The deployment (Azure) or model (OpenAI) the call is for. */
  name: string;
  settings: DeploymentOptions;
  /** The limits of the deployment (Azure) or of `EmulatorOptions.openai`. */
  limits: LimitOptions;
  fault?: Fault;
  serial: number;
  /** The `x-ratelimit-*` headers of the answer. */
  rateHeaders: Record<string, string>;
}

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
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const requests: RecordedRequest[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, streamsCancelled: 0 };
  const cors = corsHeaders(options.corsAllowHeaders);
  const store = new ResponseStore();
  const faults = new FaultQueue();
  const rates = new RateLimiter(options.now ?? Date.now);
  const say = speaker(options);
  // Numbers the answers (their ids and request-id headers), so they are stable in tests.
  let serial = 0;

  const answer = async (request: Request): Promise<Response> => {
    if (request.method == "OPTIONS") return new Response(null, { status: 200, headers: preflight(request, cors) });
    const url = new URL(request.url);
    const where = route(request.method, url, options.apiVersions);
    const text = await request.text();
    let body: RequestBody = {};
    let parsed = true;
    try {
      if (text) body = JSON.parse(text);
    } catch {
      parsed = false;
    }
    const record = () => {
      if (options.record !== false) {
        requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
      }
    };
    const name = where.deployment ?? (typeof body.model == "string" ? body.model : "");
    const call: Call = {
      route: where.operation,
      deployment: name || undefined,
      provider: where.flavor,
      apiVersion: where.apiVersion || "v1",
    };
    const fault = faults.take(call);
    const refusal = fault && faultRefusal(fault, call, name);
    if (refusal) {
      record();
      throw refusal;
    }
    authorize(where.flavor, request.headers, options, url.pathname.startsWith("/openai/v1/"));
    if (!parsed) {
      invalid(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      );
    }
    record();
    const settings = settingsOf(where, name);
    const limits = where.flavor == "azure" ? settings : (options.openai ?? {});
    serial += 1;
    const context: Context = {
      method: request.method,
      route: where,
      url,
      body,
      name,
      settings,
      limits,
      fault,
      serial,
      rateHeaders: {},
    };
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    return answerWith(context, await dispatch(context));
  };

  const settingsOf = (where: Route, name: string): DeploymentOptions => {
    if (!MODEL_CALLS.has(where.operation)) return {};
    if (!name) invalid("you must provide a model parameter", "model");
    if (where.flavor == "openai") return {};
    const known = options.deployments?.[name];
    if (options.deployments && !known) throw new Refusal(404, azureError("DeploymentNotFound", NO_DEPLOYMENT));
    return known ?? {};
  };

  const dispatch = async (c: Context): Promise<Answer> => {
    const { body, route: where } = c;
    const id = where.id ?? "";
    switch (where.operation) {
      case "embeddings": {
        const inputs = embeddingInputs(body);
        checkEmbeddingTokens(inputs, embeddingLimits(where.flavor, c.limits));
        admit(c, inputs.reduce((sum, text) => sum + estimateTokens(text), 0));
        return { json: embed(body, inputs, c.settings.model ?? c.name, c.settings) };
      }
      case "chat/completions":
      case "completions":
        return chat(c);
      case "responses":
        store.check(body);
        checkPromptTokens(inputText(body), c.limits, "input");
        admit(c, estimateTokens(inputText(body)));
        return store.create(
          finishedResponse({ ...(await draftOf(c)), id: `resp_emu${String(c.serial).padStart(8, "0")}` }),
          body,
        );
      case "responses/{id}":
        return c.method == "DELETE" ? store.remove(id) : store.retrieve(id, c.url.searchParams);
      case "responses/{id}/cancel":
        return store.cancel(id);
      case "responses/{id}/input_items":
        return store.inputItems(id, c.url.searchParams);
    }
  };

  const chat = async (c: Context): Promise<Answer> => {
    const isChat = c.route.operation == "chat/completions";
    if (isChat && !Array.isArray(c.body.messages)) {
      invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    const prompt = conversationText(c.body);
    checkPromptTokens(prompt, c.limits, isChat ? "messages" : "prompt");
    admit(c, estimateTokens(prompt));
    const shape: Shape = {
      id: `chatcmpl-emu${c.serial}`,
      created: 1_700_000_000 + c.serial,
      model: c.settings.model ?? c.name,
      flavor: c.route.flavor,
      chat: isChat,
    };
    const spoken = await speak(c, promptOf(c.body), c.body.max_completion_tokens ?? c.body.max_tokens);
    if (!c.body.stream) return { json: completion(shape, c.body, spoken) };
    return { events: dataEvents(streamEvents(shape, c.body, spoken)) };
  };

  /** Counts the call against its rate limits, or throws the service's 429. */
  const admit = (c: Context, tokens: number) => {
    const { flavor, operation, apiVersion } = c.route;
    const caller = {
      flavor,
      key: `${flavor}:${c.name}`,
      name: flavor == "azure" ? operationName(operation) : c.name,
      apiVersion: apiVersion || "v1",
    };
    c.rateHeaders = rates.admit(caller, c.limits, tokens);
  };

  const draftOf = async (c: Context) => {
    const spoken = await speak(c, promptOfInput(c.body), c.body.max_output_tokens);
    return {
      flavor: c.route.flavor,
      model: c.settings.model ?? c.name,
      body: c.body,
      said: spoken.said,
      tokens: spoken.tokens,
      cut: spoken.finish == "length",
      filtered: spoken.filtered,
      createdAt: 1_700_000_000 + c.serial,
      itemId: store.itemId,
    };
  };

  /** What the model says to this call, cut at `max` tokens. */
  const speak = (c: Context, prompt: string, max: number | undefined): Promise<Spoken> => {
    const request: ReplyRequest = {
      operation: c.route.operation as ReplyRequest["operation"],
      provider: c.route.flavor,
      model: c.name,
      deployment: c.route.flavor == "azure" ? c.name : undefined,
      prompt,
      stream: c.body.stream === true,
      body: c.body,
    };
    return say(request, max, c.fault);
  };

  const countCancel = () => {
    stats.streamsCancelled += 1;
  };

  const answerWith = (c: Context, result: Answer): Response =>
    respond(result, { ...responseHeaders(c.route.flavor, c.serial), ...c.rateHeaders }, {
      ...bodyFaults(c.fault),
      onCancel: countCancel,
    });

  const handle = async (request: Request): Promise<Response> => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      return await answer(request);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      serial += 1;
      return refusalResponse(e, flavorOf(new URL(request.url)), serial);
    } finally {
      stats.inFlight--;
    }
  };

  return {
    handle,
    fetch: (input, init) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return abortable(handle(new Request(input, init)), signal);
    },
    failNext: (fault, times) => faults.add(fault, times),
    requests,
    stats,
    reset() {
      requests.length = 0;
      stats.maxInFlight = stats.inFlight;
      stats.streamsCancelled = 0;
      faults.clear();
      store.clear();
      rates.clear();
    },
  };
}
