// src/testing/filters.ts
var SAFE = { filtered: false, severity: "safe" };
var PASSED_FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
var PROMPT_FILTERS = [{
  prompt_index: 0,
  content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } }
}];
var BLOCKED_OUTPUT = { ...PASSED_FILTERS, violence: { filtered: true, severity: "medium" } };
function responseFilters(promptChars, outputChars, blocked = false) {
  const verdict = (source, end, results) => ({
    blocked: source == "completion" && blocked,
    source_type: source,
    content_filter_results: results,
    content_filter_offsets: { start_offset: 0, end_offset: end, check_offset: 0 }
  });
  return [
    verdict("prompt", promptChars, { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } }),
    verdict("completion", outputChars, blocked ? BLOCKED_OUTPUT : PASSED_FILTERS)
  ];
}

// src/testing/refusals.ts
var Refusal = class {
  constructor(status, body, headers = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
  status;
  body;
  headers;
};
function openaiError(message3, fields = {}) {
  return {
    error: {
      message: message3,
      type: fields.type === void 0 ? "invalid_request_error" : fields.type,
      param: fields.param ?? null,
      code: fields.code ?? null
    }
  };
}
function azureError(code, message3) {
  return { error: { code, message: message3 } };
}
function invalid(message3, param = null, code = null) {
  throw new Refusal(400, openaiError(message3, { param, code }));
}
var AZURE_DENIED = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
var NO_DEPLOYMENT = "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";
var invalidUrl = (method, path) => new Refusal(404, openaiError(`Invalid URL (${method} ${path})`));
var notFound = () => new Refusal(404, azureError("404", "Resource not found"));
function contentFilterError(where = "prompt") {
  const message3 = where == "prompt" ? "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766" : "The response was filtered due to the output triggering Azure OpenAI's content management policy. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
  return {
    error: {
      message: message3,
      type: null,
      param: where,
      code: "content_filter",
      status: 400,
      innererror: {
        code: "ResponsibleAIPolicyViolation",
        content_filter_result: {
          ...PASSED_FILTERS,
          self_harm: { filtered: true, severity: "medium" },
          jailbreak: { filtered: false, detected: false }
        }
      }
    }
  };
}
function openaiDuration(ms) {
  if (ms < 1e3) return `${Math.max(0, Math.ceil(ms))}ms`;
  const minutes = Math.floor(ms / 6e4);
  const seconds = Math.round(ms % 6e4 / 100) / 10;
  return minutes ? `${minutes}m${seconds}s` : `${seconds}s`;
}
function rateLimited(flavor, throttle, headers = {}) {
  const { kind, limit, used, requested, waitMs, model } = throttle;
  if (flavor == "azure") {
    const seconds = Math.max(1, Math.ceil(waitMs / 1e3));
    const limitName = kind == "requests" ? "call rate limit" : "token rate limit";
    const message4 = `Requests to the ${model} Operation under Azure OpenAI API version ${throttle.apiVersion ?? "v1"} have exceeded ${limitName} of your current OpenAI S0 pricing tier. Please retry after ${seconds} second${seconds == 1 ? "" : "s"}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`;
    return new Refusal(429, azureError("429", message4), {
      "retry-after-ms": String(Math.max(0, Math.ceil(waitMs))),
      "retry-after": String(seconds),
      ...headers
    });
  }
  const per = kind == "requests" ? "requests per min (RPM)" : "tokens per min (TPM)";
  const message3 = `Rate limit reached for ${model} in organization org-emulator on ${per}: Limit ${limit}, Used ${used}, Requested ${requested}. Please try again in ${openaiDuration(waitMs)}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
  return new Refusal(429, openaiError(message3, { type: kind, code: "rate_limit_exceeded" }), headers);
}
var quickRetryHeaders = (flavor) => {
  const openai = {
    "x-ratelimit-limit-requests": "60",
    "x-ratelimit-remaining-requests": "0",
    "x-ratelimit-reset-requests": "20ms",
    "x-ratelimit-limit-tokens": "150000",
    "x-ratelimit-remaining-tokens": "0",
    "x-ratelimit-reset-tokens": "20ms"
  };
  return flavor == "azure" ? { "x-ratelimit-remaining-requests": "0", "x-ratelimit-remaining-tokens": "0" } : openai;
};
function statusAnswer(flavor, status, model, operation, apiVersion) {
  const azure = flavor == "azure";
  switch (status) {
    case 401:
      return new Refusal(
        401,
        azure ? azureError("401", AZURE_DENIED) : openaiError(
          "Incorrect API key provided: sk-***oops. You can find your API key at https://platform.openai.com/account/api-keys.",
          { code: "invalid_api_key" }
        )
      );
    case 404:
      return new Refusal(
        404,
        azure ? azureError("DeploymentNotFound", NO_DEPLOYMENT) : openaiError(`The model \`${model}\` does not exist or you do not have access to it.`, {
          code: "model_not_found"
        })
      );
    case 429:
      return rateLimited(flavor, {
        kind: "requests",
        limit: 60,
        used: 60,
        requested: 1,
        waitMs: 20,
        model: azure ? operationName(operation) : model,
        apiVersion
      }, quickRetryHeaders(flavor));
    case 500:
      return new Refusal(
        500,
        azure ? azureError(
          "InternalServerError",
          "Backend returned unexpected response. Please contact Microsoft for help."
        ) : openaiError("The server had an error while processing your request. Sorry about that!", {
          type: "server_error"
        })
      );
    case 503:
      return new Refusal(
        503,
        azure ? azureError(
          "ServiceUnavailable",
          "The service is temporarily unable to process your request. Please try again later."
        ) : openaiError("The server is overloaded or not ready yet.", { type: "server_error" })
      );
    default:
      return new Refusal(
        status,
        azure && status != 400 ? azureError(String(status), `Emulated HTTP ${status}`) : openaiError(`Emulated HTTP ${status}`)
      );
  }
}
function operationName(operation) {
  const names = {
    "chat/completions": "ChatCompletions_Create",
    completions: "Completions_Create",
    embeddings: "Embeddings_Create",
    responses: "Responses_Create"
  };
  return names[operation] ?? "Responses";
}

// src/testing/auth.ts
var NO_KEY = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.";
function authorize(flavor, headers, credentials, onV1) {
  const bearer = /^Bearer (.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (flavor == "openai") return authorizeOpenAI(bearer, credentials.openaiKeys);
  const key = headers.get("api-key");
  if (key ? keyAccepted(key, credentials) : bearerAccepted(bearer, credentials, onV1)) return;
  throw new Refusal(401, azureError("401", AZURE_DENIED));
}
function authorizeOpenAI(bearer, keys) {
  if (!bearer) throw new Refusal(401, openaiError(NO_KEY));
  const accepted = keys ? keys.includes(bearer) : bearer.startsWith("sk-");
  if (accepted) return;
  const shown = `${bearer.slice(0, 3)}***${bearer.slice(-4)}`;
  const message3 = `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  throw new Refusal(401, openaiError(message3, { code: "invalid_api_key" }));
}
var keyAccepted = (key, { azureKeys }) => !azureKeys || azureKeys.includes(key);
function bearerAccepted(bearer, credentials, onV1) {
  if (!bearer) return false;
  if (onV1 && credentials.azureKeys?.includes(bearer)) return true;
  const tokens = credentials.azureTokens;
  if (!tokens) return !credentials.azureKeys;
  return typeof tokens == "function" ? tokens(bearer) : tokens.includes(bearer);
}

// src/testing/script.ts
function said(reply, callId) {
  if (typeof reply == "string") return { text: reply, toolCalls: [] };
  const toolCalls = (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? callId(),
    name: call.name,
    arguments: typeof call.arguments == "string" ? call.arguments : JSON.stringify(call.arguments ?? {})
  }));
  return { text: reply.text, toolCalls, refusal: reply.refusal, finishReason: reply.finishReason };
}
function functionTools(body) {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  return tools.filter((tool) => tool?.type == "function").map((tool) => tool.function ?? tool).filter((f) => typeof f.name == "string");
}
function lastIsToolResult(body) {
  const turns = Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : [];
  const last = turns[turns.length - 1];
  return last?.role == "tool" || last?.type == "function_call_output";
}
function defaultReply(request, callId) {
  const [tool] = functionTools(request.body);
  if (!tool || request.operation == "completions" || lastIsToolResult(request.body)) {
    return { text: "You said: " + request.prompt, toolCalls: [] };
  }
  const properties = tool.parameters?.properties ?? {};
  const args = Object.fromEntries(
    Object.entries(properties).filter(([, p]) => p?.type == "string").map(([name]) => [name, request.prompt])
  );
  return said({ toolCalls: [{ name: tool.name, arguments: args }] }, callId);
}
function argumentPieces(text, size = 8) {
  const pieces = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces.length ? pieces : [""];
}

// src/testing/vectors.ts
var hash = (text) => {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0 || 1;
};
function embeddingOf(text, dimensions) {
  const out = new Float32Array(dimensions);
  let x = hash(text);
  for (let i = 0; i < dimensions; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) / 2147483648 - 1;
  }
  return out;
}
function float32ToBase64(vector) {
  const { Buffer } = globalThis;
  if (Buffer) return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString("base64");
  const bytes = new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 32768) binary += String.fromCharCode(...bytes.subarray(i, i + 32768));
  return btoa(binary);
}
function countTokens(text) {
  return text.match(/\w+|[^\s\w]+/g)?.length ?? 0;
}

// src/testing/replies.ts
var textOf = (content) => typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => p?.text ?? "").join(" ") : "";
function promptOf(body) {
  if (Array.isArray(body.messages)) {
    const user = body.messages.filter((m) => m?.role == "user").pop();
    return textOf(user?.content);
  }
  return Array.isArray(body.prompt) ? body.prompt.join(" ") : String(body.prompt ?? "");
}
var conversationText = (body) => Array.isArray(body.messages) ? body.messages.map((m) => textOf(m?.content)).join("\n") : promptOf(body);
var promptTokens = (body) => Array.isArray(body.messages) ? body.messages.reduce((n, m) => n + 4 + countTokens(textOf(m?.content)), 3) : countTokens(promptOf(body));
var head = (s, object) => ({ id: s.id, object, created: s.created, model: s.model });
var extras = (s) => s.flavor == "openai" ? { service_tier: "default", system_fingerprint: "fp_emulator" } : { system_fingerprint: "fp_emulator" };
var completionTokens = (spoken) => spoken.tokens.length + spoken.said.toolCalls.reduce((n, c) => n + 4 + countTokens(c.arguments), 0);
function usageOf(body, spoken) {
  const prompt_tokens = promptTokens(body);
  const completion_tokens = completionTokens(spoken);
  return {
    prompt_tokens,
    completion_tokens,
    total_tokens: prompt_tokens + completion_tokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0
    }
  };
}
function filterResults(s, spoken) {
  if (s.flavor != "azure") return {};
  return { content_filter_results: spoken.filtered ? BLOCKED_OUTPUT : PASSED_FILTERS };
}
function message(spoken) {
  const { said: said2 } = spoken;
  const onlyCalls = said2.text === void 0 && said2.toolCalls.length > 0;
  const content = spoken.filtered || said2.refusal !== void 0 || onlyCalls ? null : spoken.tokens.join("");
  const reply = { role: "assistant", content, refusal: said2.refusal ?? null, annotations: [] };
  if (said2.toolCalls.length) {
    reply.tool_calls = said2.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments }
    }));
  }
  return reply;
}
function completion(s, body, spoken) {
  const choice = { index: 0, finish_reason: spoken.finish, logprobs: null };
  if (s.chat) choice.message = message(spoken);
  else choice.text = spoken.filtered ? "" : spoken.tokens.join("");
  const reply = {
    ...head(s, s.chat ? "chat.completion" : "text_completion"),
    choices: [{ ...choice, ...filterResults(s, spoken) }],
    usage: usageOf(body, spoken),
    ...extras(s)
  };
  if (s.flavor == "azure") reply.prompt_filter_results = PROMPT_FILTERS;
  return reply;
}
function* streamEvents(s, body, spoken) {
  const object = s.chat ? "chat.completion.chunk" : "text_completion";
  const withUsage = body.stream_options?.include_usage;
  const chunk = (choices, extra) => JSON.stringify({ ...head(s, object), choices, ...extras(s), ...withUsage ? { usage: null } : {}, ...extra });
  const delta = (fields, finish = null, filters = {}) => chunk([
    s.chat ? { index: 0, delta: fields, finish_reason: finish, logprobs: null, ...filters } : { index: 0, text: fields.content ?? "", finish_reason: finish, logprobs: null, ...filters }
  ]);
  const passed = filterResults(s, { ...spoken, filtered: false });
  if (s.flavor == "azure") {
    yield JSON.stringify({
      choices: [],
      created: 0,
      id: "",
      model: "",
      object: "",
      prompt_filter_results: PROMPT_FILTERS
    });
  }
  const { said: said2 } = spoken;
  if (s.chat) {
    yield delta({
      role: "assistant",
      content: said2.text === void 0 && said2.toolCalls.length ? null : "",
      refusal: null
    });
  }
  if (s.chat && said2.refusal !== void 0) {
    for (const piece of said2.refusal.split(/(?=\s)/)) yield delta({ refusal: piece });
  } else if (!spoken.filtered) {
    for (const token of spoken.tokens) yield delta({ content: token }, null, passed);
  }
  if (s.chat) {
    for (const [index, call] of said2.toolCalls.entries()) {
      yield delta({
        tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }]
      });
      for (const piece of argumentPieces(call.arguments)) {
        yield delta({ tool_calls: [{ index, function: { arguments: piece } }] });
      }
    }
  }
  yield delta({}, spoken.finish, spoken.filtered ? filterResults(s, spoken) : {});
  if (withUsage) yield chunk([], { usage: usageOf(body, spoken) });
  yield "[DONE]";
}
function embeddings(model, inputs, dimensions, base64) {
  let tokens = 0;
  const data = inputs.map((text, index) => {
    tokens += countTokens(text);
    const vector = embeddingOf(text, dimensions);
    return { object: "embedding", index, embedding: base64 ? float32ToBase64(vector) : Array.from(vector) };
  });
  return { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}

// src/testing/embeddings.ts
var tooManyInputsMessage = (max) => `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;
var ENCODINGS = ["float", "base64"];
function embeddingInputs(body) {
  const { input } = body;
  const inputs = typeof input == "string" ? [input] : input;
  if (!Array.isArray(inputs) || !inputs.length || inputs.length > 2048 || inputs.some((t) => typeof t != "string")) {
    invalid("'input' must be a string or an array of 1 to 2048 strings", "input");
  }
  const texts = inputs;
  const empty = texts.findIndex((t) => !t);
  if (empty >= 0) {
    invalid(
      `'$.input[${empty}]' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`,
      "input"
    );
  }
  const format = body.encoding_format;
  if (format !== void 0 && !ENCODINGS.includes(String(format))) {
    invalid(
      `Invalid value: '${String(format)}'. Supported values are: 'float' and 'base64'.`,
      "encoding_format",
      "invalid_value"
    );
  }
  return texts;
}
function embed(body, inputs, model, settings) {
  const max = settings.maxInputs ?? 2048;
  if (inputs.length > max) throw new Refusal(400, openaiError(tooManyInputsMessage(max)));
  const dimensions = body.dimensions ?? (/3-large/.test(model) ? 3072 : 1536);
  if (!Number.isInteger(dimensions) || dimensions < 1) invalid("dimensions must be a positive integer", "dimensions");
  return embeddings(model, inputs, dimensions, body.encoding_format == "base64" && !settings.ignoresEncodingFormat);
}

// src/testing/faults.ts
var KINDS = ["status", "cutAfter", "stallMs", "contentFilter"];
var FaultQueue = class {
  #queue = [];
  add(fault, times = 1) {
    const kinds = KINDS.filter((kind) => kind in fault);
    if (kinds.length != 1) {
      throw new TypeError(
        `failNext: a fault has exactly one of ${KINDS.join(", ")}; got ${kinds.length ? kinds.join(", ") : "none"}`
      );
    }
    if (!Number.isInteger(times) || times < 1) {
      throw new TypeError(`failNext: times must be a positive integer, got ${times}`);
    }
    this.#queue.push({ fault, left: times });
  }
  /** The first queued fault that matches `call`, used up once. */
  take(call) {
    const index = this.#queue.findIndex(({ fault }) => matches(fault, call));
    const entry = this.#queue[index];
    if (!entry) return void 0;
    entry.left--;
    if (entry.left == 0) this.#queue.splice(index, 1);
    return entry.fault;
  }
  clear() {
    this.#queue.length = 0;
  }
};
var matches = (filter, call) => (filter.route === void 0 || filter.route == call.route) && (filter.deployment === void 0 || filter.deployment == call.deployment) && (filter.provider === void 0 || filter.provider == call.provider);
function faultRefusal(fault, call, model) {
  if ("status" in fault) {
    const standard = statusAnswer(call.provider, fault.status, model, call.route, call.apiVersion);
    const body = fault.body === void 0 ? standard.body : fault.body;
    return new Refusal(fault.status, body, { ...standard.headers, ...fault.headers });
  }
  if ("contentFilter" in fault && fault.contentFilter == "prompt") {
    return new Refusal(400, contentFilterError("prompt"));
  }
  return void 0;
}
function bodyFaults(fault) {
  if (fault && "cutAfter" in fault) return { cutAfter: fault.cutAfter };
  if (fault && "stallMs" in fault) return { stallMs: fault.stallMs };
  return {};
}
var filtersOutput = (fault) => !!fault && "contentFilter" in fault && fault.contentFilter == "output";

// src/testing/headers.ts
var DEFAULT_CORS_HEADERS = [
  "authorization",
  "api-key",
  "content-type",
  "accept",
  "openai-organization",
  "openai-project"
];
var corsHeaders = (extra = []) => [...DEFAULT_CORS_HEADERS, ...extra.map((h) => h.toLowerCase())];
function preflight(request, allowed) {
  const asked = (request.headers.get("access-control-request-headers") ?? "").toLowerCase().split(",").map((h) => h.trim()).filter(Boolean);
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": asked.filter((h) => allowed.includes(h)).join(", "),
    "access-control-max-age": "600"
  };
}
function responseHeaders(flavor, serial) {
  const id = serial.toString(16).padStart(12, "0");
  if (flavor == "azure") {
    return {
      "apim-request-id": `00000000-0000-4000-8000-${id}`,
      "x-request-id": `00000000-0000-4000-9000-${id}`,
      "x-ms-region": "East US",
      "access-control-allow-origin": "*"
    };
  }
  return {
    "x-request-id": `req_${id}`,
    "openai-processing-ms": "1",
    "openai-version": "2020-10-01",
    "access-control-allow-origin": "*"
  };
}

// src/testing/limits.ts
var estimateTokens = (text) => Math.ceil(text.length / 4);
function embeddingLimits(flavor, limits) {
  const defaults = flavor == "openai" ? { maxTokensPerRequest: 3e5, maxInputTokens: 8192 } : { maxInputTokens: 8192 };
  return { ...defaults, ...limits };
}
function checkEmbeddingTokens(inputs, limits) {
  const counts = inputs.map(estimateTokens);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const max = limits.maxTokensPerRequest;
  if (max !== void 0 && total > max) {
    const message3 = `Requested ${total} tokens, max ${max} tokens per request`;
    throw new Refusal(400, openaiError(message3, { type: "max_tokens_per_request", code: "max_tokens_per_request" }));
  }
  const context = limits.maxInputTokens;
  const longest = Math.max(...counts);
  if (context !== void 0 && longest > context) {
    invalid(
      `This model's maximum context length is ${context} tokens, however you requested ${longest} tokens (${longest} in your prompt; 0 for the completion). Please reduce your prompt; or completion length.`
    );
  }
}
function checkPromptTokens(prompt, limits, param) {
  const max = limits.maxInputTokens;
  const tokens = estimateTokens(prompt);
  if (max === void 0 || tokens <= max) return;
  invalid(
    `This model's maximum context length is ${max} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
    param,
    "context_length_exceeded"
  );
}
var WINDOW_MS = 6e4;
var RateLimiter = class {
  constructor(now) {
    this.now = now;
  }
  now;
  #windows = /* @__PURE__ */ new Map();
  /**
   * Admits a call of `tokens` under `limits`, or throws the service's 429. Returns the `x-ratelimit-*` headers
   * of the answer (none when no rate limit is set).
   */
  admit(caller, limits, tokens) {
    const span = limits.rateWindowMs ?? WINDOW_MS;
    const share = (perMinute) => perMinute === void 0 ? void 0 : Math.max(1, Math.round(perMinute * span / WINDOW_MS));
    const rpm = share(limits.requestsPerMinute);
    const tpm = share(limits.tokensPerMinute);
    if (rpm === void 0 && tpm === void 0) return {};
    const now = this.now();
    const window = (this.#windows.get(caller.key) ?? []).filter((use) => use.at > now - span);
    this.#windows.set(caller.key, window);
    const used = window.reduce((sum, use) => sum + use.tokens, 0);
    const headersBefore = () => rateHeaders(window, now, span, rpm, tpm, used);
    if (rpm !== void 0 && window.length >= rpm) {
      const waitMs = expiryOf(window, 0, now, span);
      throw rateLimited(caller.flavor, {
        kind: "requests",
        limit: rpm,
        used: window.length,
        requested: 1,
        waitMs,
        model: caller.name,
        apiVersion: caller.apiVersion
      }, headersBefore());
    }
    if (tpm !== void 0 && used + tokens > tpm) {
      const waitMs = tokens > tpm ? span : expiryOf(window, freedAfter(window, used + tokens - tpm), now, span);
      const headers = { ...headersBefore(), "x-ratelimit-reset-tokens": openaiDuration(waitMs) };
      throw rateLimited(caller.flavor, {
        kind: "tokens",
        limit: tpm,
        used,
        requested: tokens,
        waitMs,
        model: caller.name,
        apiVersion: caller.apiVersion
      }, headers);
    }
    window.push({ at: now, tokens });
    return rateHeaders(window, now, span, rpm, tpm, used + tokens);
  }
  clear() {
    this.#windows.clear();
  }
};
var expiryOf = (window, index, now, span) => Math.max(0, (window[index]?.at ?? now) + span - now);
function freedAfter(window, excess) {
  let freed = 0;
  for (const [index, use] of window.entries()) {
    freed += use.tokens;
    if (freed >= excess) return index;
  }
  return window.length - 1;
}
function rateHeaders(window, now, span, rpm, tpm, used) {
  const headers = {};
  if (rpm !== void 0) {
    const full = window.length >= rpm;
    headers["x-ratelimit-limit-requests"] = String(rpm);
    headers["x-ratelimit-remaining-requests"] = String(Math.max(0, rpm - window.length));
    headers["x-ratelimit-reset-requests"] = openaiDuration(full ? expiryOf(window, window.length - rpm, now, span) : 0);
  }
  if (tpm !== void 0) {
    const full = used >= tpm;
    headers["x-ratelimit-limit-tokens"] = String(tpm);
    headers["x-ratelimit-remaining-tokens"] = String(Math.max(0, tpm - used));
    headers["x-ratelimit-reset-tokens"] = openaiDuration(
      full ? expiryOf(window, freedAfter(window, used - tpm + 1), now, span) : 0
    );
  }
  return headers;
}

// src/testing/responses.ts
var textOf2 = (content) => typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => p?.text ?? "").join(" ") : "";
function inputItems(body, nextId) {
  const { input } = body;
  const items = typeof input == "string" ? [{ type: "message", role: "user", content: input }] : Array.isArray(input) ? input : [];
  return items.map((item) => {
    if (item?.type == "message" || item?.role && !item?.type) {
      const content = typeof item.content == "string" ? [{ type: "input_text", text: item.content }] : item.content;
      return { id: `msg_${nextId()}`, type: "message", role: item.role, content, status: "completed" };
    }
    return { id: item?.id ?? `item_${nextId()}`, ...item };
  });
}
function promptOfInput(body) {
  const { input } = body;
  if (typeof input == "string") return input;
  if (!Array.isArray(input)) return "";
  const items = input;
  const user = items.filter((item) => item?.role == "user").pop();
  const last = user ?? items[items.length - 1];
  return textOf2(last?.content ?? last?.output);
}
function inputText(body) {
  const items = typeof body.input == "string" ? [{ content: body.input }] : Array.isArray(body.input) ? body.input : [];
  return [body.instructions ?? "", ...items.map((item) => textOf2(item?.content ?? item?.output ?? item?.arguments))].join("\n");
}
function finishedResponse(d) {
  const output = [];
  const { said: said2 } = d;
  if (said2.refusal !== void 0) {
    output.push(message2(d.itemId(), [{ type: "refusal", refusal: said2.refusal }], "completed"));
  } else if (said2.text !== void 0 || !said2.toolCalls.length) {
    const text = d.filtered ? "" : d.tokens.join("");
    output.push(
      message2(
        d.itemId(),
        [{ type: "output_text", text, annotations: [], logprobs: [] }],
        d.cut || d.filtered ? "incomplete" : "completed"
      )
    );
  }
  for (const call of said2.toolCalls) {
    output.push({
      id: `fc_${d.itemId()}`,
      type: "function_call",
      status: "completed",
      arguments: call.arguments,
      call_id: call.id,
      name: call.name
    });
  }
  const inputTokens = countTokens(`${d.body.instructions ?? ""} ${promptOfInput(d.body)}`) + 8;
  const outputTokens = (d.filtered ? 0 : d.tokens.length) + said2.toolCalls.reduce((n, c) => n + countTokens(c.arguments) + 4, 0);
  const reason = d.filtered ? "content_filter" : d.cut ? "max_output_tokens" : void 0;
  const response = {
    id: d.id,
    object: "response",
    created_at: d.createdAt,
    status: reason ? "incomplete" : "completed",
    background: d.body.background ?? false,
    completed_at: reason ? null : d.createdAt + 1,
    error: null,
    incomplete_details: reason ? { reason } : null,
    instructions: d.body.instructions ?? null,
    max_output_tokens: d.body.max_output_tokens ?? null,
    model: d.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: d.body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: d.body.store ?? true,
    temperature: d.body.temperature ?? 1,
    text: d.body.text ?? { format: { type: "text" } },
    tool_choice: d.body.tool_choice ?? "auto",
    tools: d.body.tools ?? [],
    top_p: d.body.top_p ?? 1,
    truncation: "disabled",
    usage: {
      input_tokens: inputTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: inputTokens + outputTokens
    },
    user: null,
    metadata: d.body.metadata ?? {}
  };
  if (d.flavor == "azure") {
    response.content_filters = responseFilters(promptOfInput(d.body).length, d.tokens.join("").length, d.filtered);
  }
  return response;
}
var message2 = (id, content, status) => ({
  id: `msg_${id}`,
  type: "message",
  status,
  role: "assistant",
  content
});
function unfinished(response, status) {
  const snapshot = { ...response, status, output: [], usage: null, completed_at: null, incomplete_details: null };
  if ("content_filters" in response) snapshot.content_filters = null;
  return snapshot;
}
function* responseEvents(response, background) {
  let sequence = 0;
  const event = (type, fields) => {
    const data = JSON.stringify({ type, sequence_number: sequence, ...fields });
    sequence += 1;
    return { event: type, data };
  };
  yield event("response.created", { response: unfinished(response, background ? "queued" : "in_progress") });
  if (background) yield event("response.queued", { response: unfinished(response, "queued") });
  yield event("response.in_progress", { response: unfinished(response, "in_progress") });
  const output = response.output;
  for (const [output_index, item] of output.entries()) {
    const item_id = item.id;
    if (item.type == "function_call") {
      yield event("response.output_item.added", {
        output_index,
        item: { ...item, status: "in_progress", arguments: "" }
      });
      const args = String(item.arguments);
      for (const delta of argumentPieces(args)) {
        yield event("response.function_call_arguments.delta", { item_id, output_index, delta });
      }
      yield event("response.function_call_arguments.done", { item_id, name: item.name, output_index, arguments: args });
    } else {
      yield event("response.output_item.added", {
        output_index,
        item: { ...item, status: "in_progress", content: [] }
      });
      for (const [content_index, part] of item.content.entries()) {
        yield* partEvents(event, { item_id, output_index, content_index }, part);
      }
    }
    yield event("response.output_item.done", { output_index, item });
  }
  yield event(response.status == "incomplete" ? "response.incomplete" : "response.completed", { response });
}
function* partEvents(event, where, part) {
  if (part.type == "refusal") {
    const refusal = String(part.refusal);
    yield event("response.content_part.added", { ...where, part: { type: "refusal", refusal: "" } });
    for (const delta of refusal.split(/(?=\s)/)) yield event("response.refusal.delta", { ...where, delta });
    yield event("response.refusal.done", { ...where, refusal });
  } else {
    const text = String(part.text);
    yield event("response.content_part.added", {
      ...where,
      part: { type: "output_text", text: "", annotations: [], logprobs: [] }
    });
    for (const delta of text ? text.split(/(?=\s)/) : []) {
      yield event("response.output_text.delta", { ...where, delta, logprobs: [] });
    }
    yield event("response.output_text.done", { ...where, text, logprobs: [] });
  }
  yield event("response.content_part.done", { ...where, part });
}

// src/testing/responses-store.ts
var MAX_STORED = 1e4;
var notFound2 = (id) => new Refusal(404, openaiError(`Response with id '${id}' not found.`));
var ResponseStore = class {
  #stored = /* @__PURE__ */ new Map();
  #items = 0;
  /** A fresh id for an input item. */
  itemId = () => {
    this.#items += 1;
    return `emu${String(this.#items).padStart(8, "0")}`;
  };
  /** Checks a create request's `store`, `background` and `previous_response_id` as the service does. */
  check(body) {
    if (body.background && body.store === false) invalid("Background mode requires 'store' to be true.", "background");
    const previous = body.previous_response_id;
    if (previous !== void 0 && !this.#stored.has(previous)) {
      invalid(
        `Previous response with id '${previous}' not found.`,
        "previous_response_id",
        "previous_response_not_found"
      );
    }
  }
  /** Answers a create call with its finished response, storing it unless `store: false`. */
  create(final, body) {
    const background = body.background === true;
    if (body.store !== false) {
      this.#keep(String(final.id), {
        final,
        status: background && !body.stream ? "queued" : "finished",
        background,
        input: inputItems(body, this.itemId)
      });
    }
    if (body.stream) return { events: responseEvents(final, background) };
    return { json: background ? unfinished(final, "queued") : final };
  }
  /** GET …/responses/{id}: the response as it stands (a background one moves on a step), or its events from `starting_after`. */
  retrieve(id, query) {
    const stored = this.#find(id);
    if (query.get("stream") == "true") {
      if (stored.status == "cancelled") invalid("Cannot stream a cancelled response.");
      stored.status = "finished";
      const after = Number(query.get("starting_after") ?? -1);
      return { events: eventsAfter(responseEvents(stored.final, stored.background), after) };
    }
    if (stored.status == "queued") stored.status = "in_progress";
    else if (stored.status == "in_progress") stored.status = "finished";
    return { json: this.#view(stored) };
  }
  /** DELETE …/responses/{id}. */
  remove(id) {
    this.#find(id);
    this.#stored.delete(id);
    return { json: { id, object: "response", deleted: true } };
  }
  /** POST …/responses/{id}/cancel: background only; a finished one is answered unchanged (idempotent). */
  cancel(id) {
    const stored = this.#find(id);
    if (!stored.background) invalid("Cannot cancel a synchronous response.");
    if (stored.status == "queued" || stored.status == "in_progress") stored.status = "cancelled";
    return { json: this.#view(stored) };
  }
  /** GET …/responses/{id}/input_items: `limit` 1–100 (default 20), `order` (default `desc`), `after` an item id. */
  inputItems(id, query) {
    const stored = this.#find(id);
    const limit = Number(query.get("limit") ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      invalid(`Invalid 'limit': integer between 1 and 100 expected, got ${query.get("limit")}.`, "limit");
    }
    const order = query.get("order") ?? "desc";
    if (order != "asc" && order != "desc") {
      invalid(`Invalid 'order': expected 'asc' or 'desc', got '${order}'.`, "order");
    }
    let items = order == "asc" ? stored.input : [...stored.input].reverse();
    const after = query.get("after");
    if (after) items = items.slice(items.findIndex((item) => item.id == after) + 1);
    const data = items.slice(0, limit);
    return {
      json: {
        object: "list",
        data,
        first_id: data[0]?.id ?? null,
        last_id: data[data.length - 1]?.id ?? null,
        has_more: items.length > limit
      }
    };
  }
  clear() {
    this.#stored.clear();
  }
  #find(id) {
    const stored = this.#stored.get(id);
    if (!stored) throw notFound2(id);
    return stored;
  }
  #view(stored) {
    return stored.status == "finished" ? stored.final : unfinished(stored.final, stored.status);
  }
  #keep(id, stored) {
    this.#stored.set(id, stored);
    if (this.#stored.size <= MAX_STORED) return;
    const oldest = this.#stored.keys().next().value;
    if (oldest !== void 0) this.#stored.delete(oldest);
  }
};
function* eventsAfter(events, after) {
  let sequence = 0;
  for (let next = events.next(); !next.done; next = events.next()) {
    if (sequence > after) yield next.value;
    sequence++;
  }
}

// src/testing/wire.ts
var EVENTS_PER_CHUNK = 64;
var encoder = new TextEncoder();
var sleep = (ms, signal) => new Promise((resolve) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener("abort", () => {
    clearTimeout(timer);
    resolve();
  });
});
function sseBody(events, faults = {}) {
  const cancelled = new AbortController();
  let sent = 0;
  let stalled = !faults.stallMs;
  return new ReadableStream({
    async pull(controller) {
      if (!stalled) {
        stalled = true;
        await sleep(faults.stallMs ?? 0, cancelled.signal);
        if (cancelled.signal.aborted) return;
      }
      let text = "";
      for (let i = 0; i < EVENTS_PER_CHUNK; i++) {
        const cut = faults.cutAfter !== void 0 && sent >= faults.cutAfter;
        const next = cut ? void 0 : events.next();
        if (!next || next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        sent++;
        const { event, data } = next.value;
        text += event ? `event: ${event}
data: ${data}

` : `data: ${data}

`;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      cancelled.abort();
      faults.onCancel?.();
    }
  });
}
function jsonBody(value, faults) {
  if (faults.cutAfter === void 0 && !faults.stallMs) return void 0;
  let bytes = encoder.encode(JSON.stringify(value));
  if (faults.cutAfter !== void 0) bytes = bytes.subarray(0, faults.cutAfter);
  const cancelled = new AbortController();
  return new ReadableStream({
    async start(controller) {
      await sleep(faults.stallMs ?? 0, cancelled.signal);
      if (cancelled.signal.aborted) return;
      controller.enqueue(bytes);
      controller.close();
    },
    cancel() {
      cancelled.abort();
      faults.onCancel?.();
    }
  });
}
function abortable(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (response) => {
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) {
          response.body?.cancel(signal.reason).catch(() => {
          });
          return;
        }
        resolve(withAbortableBody(response, signal));
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      }
    );
  });
}
function withAbortableBody(response, signal) {
  if (!response.body) return response;
  const reader = response.body.getReader();
  let abort;
  const body = new ReadableStream({
    start(controller) {
      abort = () => {
        controller.error(signal.reason);
        reader.cancel(signal.reason).catch(() => {
        });
      };
      signal.addEventListener("abort", abort, { once: true });
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (signal.aborted) return;
      if (done) {
        if (abort) signal.removeEventListener("abort", abort);
        controller.close();
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      if (abort) signal.removeEventListener("abort", abort);
      return reader.cancel(reason);
    }
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// src/testing/respond.ts
function respond(result, headers, faults) {
  if ("events" in result) {
    return new Response(sseBody(result.events, faults), {
      headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" }
    });
  }
  const stream = jsonBody(result.json, faults);
  return stream ? new Response(stream, { headers: { ...headers, "content-type": "application/json" } }) : Response.json(result.json, { headers });
}
function refusalResponse(refusal, flavor, serial) {
  const headers = { ...responseHeaders(flavor, serial), ...refusal.headers };
  if (typeof refusal.body == "string") return new Response(refusal.body, { status: refusal.status, headers });
  return Response.json(refusal.body, { status: refusal.status, headers });
}
function* dataEvents(payloads) {
  for (let next = payloads.next(); !next.done; next = payloads.next()) yield { data: next.value };
}

// src/testing/versions.ts
var AZURE_API_VERSIONS = [
  "2022-12-01",
  "2023-05-15",
  "2024-02-01",
  "2024-06-01",
  "2024-10-21",
  "2023-03-15-preview",
  "2023-06-01-preview",
  "2023-07-01-preview",
  "2023-08-01-preview",
  "2023-09-01-preview",
  "2023-10-01-preview",
  "2023-12-01-preview",
  "2024-02-15-preview",
  "2024-03-01-preview",
  "2024-04-01-preview",
  "2024-05-01-preview",
  "2024-07-01-preview",
  "2024-08-01-preview",
  "2024-09-01-preview",
  "2024-10-01-preview",
  "2024-12-01-preview",
  "2025-01-01-preview",
  "2025-02-01-preview",
  "2025-03-01-preview",
  "2025-04-01-preview"
];
var RESPONSES_SINCE = "2025-03-01-preview";
var V1_VERSIONS = ["", "v1", "preview", "latest"];
var DATED = /^\d{4}-\d\d-\d\d(-preview)?$/;
var isDated = (version) => DATED.test(version);
var atLeast = (version, since) => version.slice(0, 10) >= since.slice(0, 10);

// src/testing/router.ts
var RESPONSES_ONLY_SINCE = {
  version: RESPONSES_SINCE,
  message: `Responses API is enabled only for api-version ${RESPONSES_SINCE} and later`
};
var RESPONSES_FORMS = ["openai", "v1", "dated"];
var SPECS = [
  { operation: "chat/completions", methods: ["POST"], forms: ["openai", "v1", "deployment"] },
  // Azure's v1 routes do not serve legacy completions.
  { operation: "completions", methods: ["POST"], forms: ["openai", "deployment"] },
  { operation: "embeddings", methods: ["POST"], forms: ["openai", "v1", "deployment"] },
  { operation: "responses", methods: ["POST"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}", methods: ["GET", "DELETE"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}/cancel", methods: ["POST"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}/input_items", methods: ["GET"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE }
];
var flavorOf = (url) => url.pathname.startsWith("/openai/") ? "azure" : "openai";
function route(method, url, apiVersions = AZURE_API_VERSIONS) {
  const path = url.pathname;
  const version = url.searchParams.get("api-version") ?? "";
  let form;
  let rest;
  let deployment;
  const inDeployment = /^\/openai\/deployments\/([^/]+)\/(.+)$/.exec(path);
  if (path.startsWith("/v1/")) {
    form = "openai";
    rest = path.slice("/v1/".length);
  } else if (path.startsWith("/openai/v1/")) {
    form = "v1";
    rest = path.slice("/openai/v1/".length);
  } else if (inDeployment) {
    form = "deployment";
    deployment = decoded(inDeployment[1] ?? "");
    rest = inDeployment[2] ?? "";
  } else if (path.startsWith("/openai/")) {
    form = "dated";
    rest = path.slice("/openai/".length);
  } else {
    throw invalidUrl(method, path);
  }
  const found = match(rest);
  const served = found && found.spec.forms.includes(form) && found.spec.methods.includes(method);
  if (!served) throw form == "openai" ? invalidUrl(method, path) : notFound();
  const { spec, id } = found;
  if (form == "openai") return { flavor: "openai", operation: spec.operation, id };
  if (form == "v1") {
    if (!V1_VERSIONS.includes(version)) throw unsupportedVersion();
    return { flavor: "azure", operation: spec.operation, id, apiVersion: version };
  }
  checkDated(version, apiVersions, spec);
  return { flavor: "azure", operation: spec.operation, deployment, id, apiVersion: version };
}
function checkDated(version, apiVersions, spec) {
  if (!isDated(version)) throw notFound();
  if (!apiVersions.includes(version)) throw unsupportedVersion();
  if (spec.since && !atLeast(version, spec.since.version)) {
    throw new Refusal(400, azureError("BadRequest", spec.since.message));
  }
}
var unsupportedVersion = () => new Refusal(400, azureError("BadRequest", "API version not supported"));
function match(rest) {
  const parts = rest.split("/");
  for (const spec of SPECS) {
    const pattern = spec.operation.split("/");
    if (pattern.length != parts.length) continue;
    let id;
    const fits = pattern.every((segment, i) => {
      const part = parts[i] ?? "";
      if (segment != "{id}") return segment == part;
      id = decoded(part);
      return part.length > 0;
    });
    if (fits) return { spec, id };
  }
  return void 0;
}
function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}

// src/testing/speak.ts
var FILLER = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];
function speaker(options) {
  let calls = 0;
  const callId = () => {
    calls += 1;
    return `call_emu${String(calls).padStart(6, "0")}`;
  };
  return async (request, max, fault) => {
    let reply;
    if (options.reply) reply = said(await options.reply(request), callId);
    else if (options.replyTokens) reply = { text: filler(options.replyTokens), toolCalls: [] };
    else reply = defaultReply(request, callId);
    let tokens = reply.text ? reply.text.split(/(?=\s)/) : [];
    const cut = max !== void 0 && tokens.length > max;
    if (cut) tokens = tokens.slice(0, max);
    const filtered = filtersOutput(fault);
    const finish = reply.finishReason ?? (filtered ? "content_filter" : cut ? "length" : reply.toolCalls.length ? "tool_calls" : "stop");
    return { said: reply, tokens, finish, filtered };
  };
}
var filler = (count) => Array.from({ length: count }, (_, i) => (i ? " " : "") + FILLER[i % FILLER.length]).join("");

// src/testing/emulator.ts
var MODEL_CALLS = /* @__PURE__ */ new Set(["chat/completions", "completions", "embeddings", "responses"]);
function createEmulator(options = {}) {
  const requests = [];
  const stats = { inFlight: 0, maxInFlight: 0, streamsCancelled: 0 };
  const cors = corsHeaders(options.corsAllowHeaders);
  const store = new ResponseStore();
  const faults = new FaultQueue();
  const rates = new RateLimiter(options.now ?? Date.now);
  const say = speaker(options);
  let serial = 0;
  const answer2 = async (request) => {
    if (request.method == "OPTIONS") return new Response(null, { status: 200, headers: preflight(request, cors) });
    const url = new URL(request.url);
    const where = route(request.method, url, options.apiVersions);
    const text = await request.text();
    let body = {};
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
    const call = {
      route: where.operation,
      deployment: name || void 0,
      provider: where.flavor,
      apiVersion: where.apiVersion || "v1"
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
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)"
      );
    }
    record();
    const settings = settingsOf(where, name);
    const limits = where.flavor == "azure" ? settings : options.openai ?? {};
    serial += 1;
    const context = {
      method: request.method,
      route: where,
      url,
      body,
      name,
      settings,
      limits,
      fault,
      serial,
      rateHeaders: {}
    };
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    return answerWith(context, await dispatch(context));
  };
  const settingsOf = (where, name) => {
    if (!MODEL_CALLS.has(where.operation)) return {};
    if (!name) invalid("you must provide a model parameter", "model");
    if (where.flavor == "openai") return {};
    const known = options.deployments?.[name];
    if (options.deployments && !known) throw new Refusal(404, azureError("DeploymentNotFound", NO_DEPLOYMENT));
    return known ?? {};
  };
  const dispatch = async (c) => {
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
          finishedResponse({ ...await draftOf(c), id: `resp_emu${String(c.serial).padStart(8, "0")}` }),
          body
        );
      case "responses/{id}":
        return c.method == "DELETE" ? store.remove(id) : store.retrieve(id, c.url.searchParams);
      case "responses/{id}/cancel":
        return store.cancel(id);
      case "responses/{id}/input_items":
        return store.inputItems(id, c.url.searchParams);
    }
  };
  const chat = async (c) => {
    const isChat = c.route.operation == "chat/completions";
    if (isChat && !Array.isArray(c.body.messages)) {
      invalid("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
    }
    const prompt = conversationText(c.body);
    checkPromptTokens(prompt, c.limits, isChat ? "messages" : "prompt");
    admit(c, estimateTokens(prompt));
    const shape = {
      id: `chatcmpl-emu${c.serial}`,
      created: 17e8 + c.serial,
      model: c.settings.model ?? c.name,
      flavor: c.route.flavor,
      chat: isChat
    };
    const spoken = await speak(c, promptOf(c.body), c.body.max_completion_tokens ?? c.body.max_tokens);
    if (!c.body.stream) return { json: completion(shape, c.body, spoken) };
    return { events: dataEvents(streamEvents(shape, c.body, spoken)) };
  };
  const admit = (c, tokens) => {
    const { flavor, operation, apiVersion } = c.route;
    const caller = {
      flavor,
      key: `${flavor}:${c.name}`,
      name: flavor == "azure" ? operationName(operation) : c.name,
      apiVersion: apiVersion || "v1"
    };
    c.rateHeaders = rates.admit(caller, c.limits, tokens);
  };
  const draftOf = async (c) => {
    const spoken = await speak(c, promptOfInput(c.body), c.body.max_output_tokens);
    return {
      flavor: c.route.flavor,
      model: c.settings.model ?? c.name,
      body: c.body,
      said: spoken.said,
      tokens: spoken.tokens,
      cut: spoken.finish == "length",
      filtered: spoken.filtered,
      createdAt: 17e8 + c.serial,
      itemId: store.itemId
    };
  };
  const speak = (c, prompt, max) => {
    const request = {
      operation: c.route.operation,
      provider: c.route.flavor,
      model: c.name,
      deployment: c.route.flavor == "azure" ? c.name : void 0,
      prompt,
      stream: c.body.stream === true,
      body: c.body
    };
    return say(request, max, c.fault);
  };
  const countCancel = () => {
    stats.streamsCancelled += 1;
  };
  const answerWith = (c, result) => respond(result, { ...responseHeaders(c.route.flavor, c.serial), ...c.rateHeaders }, {
    ...bodyFaults(c.fault),
    onCancel: countCancel
  });
  const handle = async (request) => {
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      return await answer2(request);
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
      const signal = init?.signal ?? (input instanceof Request ? input.signal : void 0);
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
    }
  };
}

// src/testing/serve.ts
var NODE_HTTP = "node:http";
async function serve(handler, options = {}) {
  const { createServer } = await import(NODE_HTTP);
  const hostname = options.hostname ?? "127.0.0.1";
  const server = createServer((req, res) => {
    answer(handler, req, res, hostname).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e?.stack ?? e));
    });
  });
  server.keepAliveTimeout = 6e4;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, resolve);
  });
  const port = server.address().port;
  return {
    url: `http://${hostname}:${port}`,
    port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
async function answer(handler, req, res, hostname) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== void 0) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method != "GET" && req.method != "HEAD" && chunks.length > 0;
  const request = new Request(`http://${req.headers.host ?? hostname}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? concat(chunks) : void 0
  });
  const response = await handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  let finished = false;
  res.on("close", () => {
    if (!finished) reader.cancel().catch(() => {
    });
  });
  for (; ; ) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: void 0 }));
    if (done) break;
    if (!res.write(value)) {
      await new Promise((resolve) => {
        const go = () => {
          res.off("drain", go).off("close", go);
          resolve();
        };
        res.on("drain", go).on("close", go);
      });
    }
    if (res.destroyed) return;
  }
  finished = true;
  res.end();
}
var concat = (chunks) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
};
export {
  AZURE_API_VERSIONS,
  PASSED_FILTERS,
  contentFilterError,
  countTokens,
  createEmulator,
  embeddingOf,
  estimateTokens,
  float32ToBase64,
  serve,
  tooManyInputsMessage
};
