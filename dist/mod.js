// src/errors.ts
var OpenAISwitchError = class extends Error {
};
var ConfigError = class extends OpenAISwitchError {
};
var check = (ok, message) => {
  if (!ok) throw new ConfigError(message);
};
var integer = (value, fallback, name, min) => {
  value ??= fallback;
  check(Number.isInteger(value) && value >= min, name + " must be an integer >= " + min);
  return value;
};
var ApiError = class extends OpenAISwitchError {
  constructor({ message, ...init }) {
    super(message);
    const error = init.body?.error;
    Object.assign(this, init, { requestId: init.headers.get("x-request-id") ?? init.headers.get("apim-request-id") ?? void 0 });
    for (const field of ["code", "type", "param"]) this[field] = error?.[field] == null ? void 0 : String(error[field]);
  }
};
var ConnectionError = class extends OpenAISwitchError {
};
var TimeoutError = class extends OpenAISwitchError {
};
for (const [type, name] of [
  [OpenAISwitchError, "OpenAISwitchError"],
  [ConfigError, "ConfigError"],
  [ApiError, "ApiError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"]
]) type.prototype.name = name;

// src/embed.ts
var { Buffer: nativeBuffer } = globalThis;
var decodeBase64 = (text) => nativeBuffer ? nativeBuffer.from(text, "base64") : Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
function toFloat32(embedding) {
  if (typeof embedding == "string") {
    const bytes = decodeBase64(embedding);
    return new Float32Array(bytes.buffer.byteLength == bytes.length ? bytes.buffer : new Uint8Array(bytes).buffer);
  }
  if (Array.isArray(embedding)) return new Float32Array(embedding);
  throw new ConnectionError("bad embedding");
}
var toNumbers = (embedding) => {
  if (Array.isArray(embedding)) return embedding;
  const floats = toFloat32(embedding);
  const numbers = new Array(floats.length);
  for (let i = 0; i < floats.length; i++) numbers[i] = floats[i];
  return numbers;
};
var checkTexts = (input) => {
  check(Array.isArray(input), "input must be an array");
  for (let i = 0; i < input.length; i++) {
    const text = input[i];
    if (!text || typeof text != "string") check(0, `input[${i}] must be a non-empty string`);
  }
};
async function embed(call, body, o) {
  const texts = [body?.input].flat();
  checkTexts(texts.length ? texts : [""]);
  const response = await call({ encoding_format: "base64", ...body }, o);
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}
async function embedMany(c, call, key, request, o = {}) {
  const { input, batchSize = 2048, concurrency = 1, format, onProgress, ...fields } = request;
  checkTexts(input);
  integer(batchSize, 0, "batchSize", 1);
  integer(concurrency, 0, "concurrency", 1);
  const { signal } = o;
  signal?.throwIfAborted();
  const total = input.length;
  const embeddings = new Array(total);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally = { requests: 0 };
  const convert = format == "float32" ? toFloat32 : toNumbers;
  const stop = new AbortController();
  const options = { ...o, signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal };
  const pending = [];
  let limit = Math.min(batchSize, c.limits.get(key) ?? batchSize);
  let next = 0;
  let done = 0;
  const take = () => pending.shift() ?? (next < total ? [next, next = Math.min(total, next + limit)] : void 0);
  const run = async ([start, end]) => {
    const size = end - start;
    try {
      const response = await call({ encoding_format: "base64", ...fields, input: input.slice(start, end) }, options, tally);
      const { data } = response;
      for (let i = 0; i < size; i++) {
        const item = data?.[i];
        const at = item?.index ?? i;
        if (data.length != size || !(at >= 0 && at < size) || embeddings[start + at]) throw new ConnectionError("bad embeddings");
        embeddings[start + at] = convert(item.embedding);
      }
      for (const k in usage) usage[k] += response.usage?.[k] ?? 0;
      onProgress?.(done += size, total);
    } catch (error) {
      const named = size > 1 && error instanceof ApiError ? c.provider.inputLimit?.(error.status, error.body) : void 0;
      if (named === void 0) throw error;
      c.limits.set(key, limit = named < size ? named : 1);
      const pieces = [];
      for (let s = start; s < end; s += limit) pieces.push([s, Math.min(end, s + limit)]);
      pending.unshift(...pieces);
    }
  };
  const worker = async () => {
    for (let range; range = take(); ) await run(range);
  };
  try {
    if (c.provider.inputLimit && !c.limits.has(key) && total) await run(take());
    await Promise.all(Array.from({ length: concurrency }, worker));
  } catch (error) {
    stop.abort(error);
    throw signal?.aborted ? signal.reason : error;
  }
  return { embeddings, usage, requests: tally.requests };
}

// src/providers.ts
var AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";
var base = (url, what) => {
  check(/^https?:\/\/[^/]/i.test(url), what + " must be an http(s) URL");
  return url.replace(/\/+$/, "");
};
function resolveProvider(config) {
  if (config?.provider == "openai") {
    const url = base(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
    const headers = config.apiKey ? { authorization: "Bearer " + config.apiKey } : {};
    if (config.organization) headers["openai-organization"] = config.organization;
    if (config.project) headers["openai-project"] = config.project;
    return {
      name: "openai",
      headers,
      target(op, { deployment, ...body }) {
        check(body.model, "model is required");
        return [url + "/" + op, body];
      }
    };
  }
  check(config?.provider == "azure", 'provider must be "openai" or "azure"');
  const root = base(config.endpoint, "azure endpoint") + "/openai/";
  const version = config.apiVersion;
  const v1 = version == "v1";
  check(v1 || /^\d{4}-\d\d-\d\d(-preview)?$/.test(version), 'apiVersion must be like "2024-10-21" or "v1"');
  return {
    name: "azure",
    headers: config.apiKey ? { "api-key": config.apiKey } : {},
    target(op, { deployment, ...body }) {
      const name = deployment ?? config.deployments?.[body.model] ?? body.model;
      check(typeof name == "string" && !/^\.{0,2}$/.test(name), "bad deployment name: " + name);
      if (v1) return [root + "v1/" + op, { ...body, model: name }];
      return [root + "deployments/" + encodeURIComponent(name) + "/" + op + "?api-version=" + version, body];
    },
    inputLimit(status, body) {
      const error = body?.error;
      const message = "" + error?.message;
      if (status == 400 && (/too many inputs/i.test(message) || error?.param == "input")) return +(/(?:inputs is|1 to) (\d+)/i.exec(message)?.[1] ?? 1) || 1;
    }
  };
}

// src/send.ts
function retryDelay(headers, attempt) {
  const after = headers?.get("retry-after");
  const hinted = +(headers?.get("retry-after-ms") ?? (after && (isNaN(+after) ? Date.parse(after) - Date.now() : +after * 1e3)) ?? NaN);
  return hinted >= 0 && hinted <= 6e4 ? hinted : Math.min(500 * 2 ** attempt, 8e3) * (1 - Math.random() * 0.25);
}
function isRetryable(status, headers) {
  const hint = headers.get("x-should-retry");
  return hint ? hint == "true" : status == 408 || status == 409 || status == 429 || status >= 500;
}
var sleep = (ms, signal) => new Promise((resolve, reject) => {
  const abort = () => {
    clearTimeout(timer);
    reject(signal.reason);
  };
  const timer = setTimeout(() => {
    signal?.removeEventListener("abort", abort);
    resolve();
  }, ms);
  signal?.addEventListener("abort", abort);
});
var scrub = (c, text) => {
  for (const secret of c.secrets) if (secret) text = text.replaceAll(secret, "[redacted]");
  return text;
};
function apiError(c, status, headers, text, fallback) {
  let body = text = scrub(c, text);
  try {
    body = JSON.parse(text);
  } catch {
  }
  const message = body?.error?.message;
  headers = new Headers(JSON.parse(scrub(c, JSON.stringify([...headers]))));
  return new ApiError({ status, provider: c.provider.name, headers, body, message: typeof message == "string" ? message : fallback ?? text });
}
async function send(c, url, body, o = {}, stream, tally) {
  const { signal } = o;
  const retries = o.maxRetries ?? c.maxRetries;
  for (let attempt = 0; ; attempt++) {
    const headers = { ...c.headers, accept: stream ? "text/event-stream" : "application/json", ...o.headers };
    if (c.tokenProvider) {
      const token = await c.tokenProvider();
      check(token, "tokenProvider gave no token");
      if (!c.secrets.includes(token) && c.secrets.push(token) > 9) c.secrets.splice(1, 1);
      headers.authorization = "Bearer " + token;
    }
    signal?.throwIfAborted();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), o.timeoutMs ?? c.timeoutMs);
    let failure;
    let response;
    if (tally) tally.requests++;
    try {
      response = await (c.fetch ?? fetch)(url, {
        method: "POST",
        headers,
        body,
        signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
        redirect: "manual"
      });
      if (response.ok) return stream ? response : await response.json();
      failure = apiError(c, response.status, response.headers, await response.text(), response.status < 400 ? "redirect not followed" : "HTTP " + response.status);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      failure = timeout.signal.aborted ? new TimeoutError("timed out") : new ConnectionError("request failed", { cause: e });
    } finally {
      clearTimeout(timer);
    }
    if (attempt >= retries || response && !response.ok && !isRetryable(response.status, response.headers)) throw failure;
    await sleep(retryDelay(response?.headers, attempt), signal);
  }
}

// src/sse.ts
function createSSEParser() {
  let rest = "";
  let afterCR = false;
  let data;
  let event;
  let id;
  let events;
  const line = (text) => {
    if (!text) {
      if (data !== void 0) events.push({ event, data, id });
      data = event = void 0;
      return;
    }
    const colon = text.indexOf(":") + 1 || text.length + 1;
    const field = text.slice(0, colon - 1);
    const value = text.slice(text.charCodeAt(colon) == 32 ? colon + 1 : colon);
    if (field == "data") data = data === void 0 ? value : data + "\n" + value;
    else if (field == "event") event = value;
    else if (field == "id" && !value.includes("\0")) id = value;
  };
  return {
    feed(text, end) {
      events = [];
      if (text) {
        if (afterCR && text.charCodeAt(0) == 10) text = text.slice(1);
        afterCR = text.charCodeAt(text.length - 1) == 13;
      }
      text = rest + text;
      const lines = text.split(/\r\n?|\n/);
      rest = end ? "" : lines.pop();
      if (end) lines.push("");
      for (const text2 of lines) line(text2);
      return events;
    }
  };
}
async function* parseSSE(stream) {
  const parser = createSSEParser();
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      done = chunk.done;
      for (const event of parser.feed(decoder.decode(chunk.value, { stream: !done }), done)) yield event;
    }
  } finally {
    if (!done) reader.cancel().catch(() => {
    });
  }
}

// src/stream.ts
async function* chunks(c, open, signal) {
  const response = await open();
  try {
    for await (const { data, event } of parseSSE(response.body)) {
      if (data == "[DONE]") return;
      const value = event == "error" ? 0 : JSON.parse(data);
      if (!value || value.error) throw apiError(c, response.status, response.headers, data);
      signal?.throwIfAborted();
      yield value;
    }
    throw new ConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : new ConnectionError("stream broke", { cause: e });
  }
}

// src/client.ts
function createClient(config) {
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  check(tokenProvider ? !apiKey && typeof tokenProvider == "function" : apiKey, "give an apiKey or a tokenProvider function, not both");
  check(!apiKey || config.dangerouslyAllowBrowser || !("document" in globalThis), "an apiKey in a browser needs dangerouslyAllowBrowser (anyone can read it)");
  const c = {
    provider,
    fetch: config.fetch,
    headers: { "content-type": "application/json", ...provider.headers, ...config.headers },
    tokenProvider,
    maxRetries: integer(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: integer(config.timeoutMs, 6e5, "timeoutMs", 1),
    secrets: [apiKey],
    limits: /* @__PURE__ */ new Map()
  };
  const target = (op, request) => {
    check(request?.model || request?.deployment, "model is required");
    return provider.target(op, request);
  };
  const post = async (op, request, o) => {
    const [url, body] = target(op, request);
    return send(c, url, JSON.stringify(body), o);
  };
  const stream = (op, request, o) => {
    const [url, body] = target(op, request);
    body.stream = true;
    const json = JSON.stringify(body);
    return chunks(c, () => send(c, url, json, o, true), o?.signal);
  };
  const embedCall = (request, o, tally) => {
    const [url, body] = target("embeddings", request);
    return send(c, url, JSON.stringify(body), o, false, tally);
  };
  const messages = (request) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };
  return {
    provider: provider.name,
    chat: async (request, o) => post("chat/completions", messages(request), o),
    complete: (request, o) => post("completions", request, o),
    embed: async (request, o) => embed(embedCall, request, o),
    chatStream: (request, o) => stream("chat/completions", messages(request), o),
    completeStream: (request, o) => stream("completions", request, o),
    embedMany(request, o) {
      const [url, body] = provider.target("embeddings", request);
      return embedMany(c, embedCall, url + " " + body.model, request, o);
    }
  };
}

// src/env.ts
var DEFAULT_AZURE_API_VERSION = "2024-10-21";
var readEnv = () => {
  try {
    return { ...globalThis.process?.env };
  } catch {
    return {};
  }
};
function fromEnv(env = readEnv()) {
  const get = (name) => env[name] || void 0;
  const type = get("OPENAI_API_TYPE")?.toLowerCase() ?? "";
  const endpoint = get("AZURE_OPENAI_ENDPOINT");
  const key = endpoint ? get("AZURE_OPENAI_API_KEY") : get("OPENAI_API_KEY");
  if (endpoint || /^azure/.test(type)) {
    const config = {
      provider: "azure",
      endpoint: endpoint ?? get("OPENAI_API_BASE"),
      apiVersion: get("OPENAI_API_VERSION") ?? get("AZURE_OPENAI_API_VERSION") ?? DEFAULT_AZURE_API_VERSION,
      // openai-python 0.x put the Entra ID token in OPENAI_API_KEY when OPENAI_API_TYPE was azure_ad.
      ...endpoint || type == "azure" ? { apiKey: key } : { tokenProvider: key ? () => key : void 0 }
    };
    check(config.endpoint, "OPENAI_API_TYPE=" + type + " needs OPENAI_API_BASE");
    return config;
  }
  check(key, "set OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY), or OPENAI_API_TYPE=azure + OPENAI_API_BASE");
  return { provider: "openai", apiKey: key, baseURL: get("OPENAI_BASE_URL"), organization: get("OPENAI_ORG_ID"), project: get("OPENAI_PROJECT_ID") };
}
export {
  AZURE_SCOPE,
  ApiError,
  ConfigError,
  ConnectionError,
  OpenAISwitchError,
  TimeoutError,
  createClient,
  createSSEParser,
  fromEnv,
  parseSSE
};
