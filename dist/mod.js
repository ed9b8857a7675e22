// src/errors.ts
var OpenAISwitchError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "OpenAISwitchError";
  }
};
var ConfigError = class extends OpenAISwitchError {
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
};
var ApiError = class extends OpenAISwitchError {
  /** HTTP status; 200 for an error sent inside a stream. */
  status;
  code;
  type;
  param;
  /** `x-request-id`, else Azure's `apim-request-id`: quote it to support. */
  requestId;
  provider;
  /** The response headers. */
  headers;
  /** The response body: parsed JSON, or the text when it is not JSON (a gateway's HTML page). */
  body;
  constructor(init) {
    super(init.message);
    this.name = "ApiError";
    const error = init.body?.error;
    const field = (k) => error?.[k] == null ? void 0 : String(error[k]);
    this.status = init.status;
    this.code = field("code");
    this.type = field("type");
    this.param = field("param");
    this.requestId = init.headers.get("x-request-id") ?? init.headers.get("apim-request-id") ?? void 0;
    this.provider = init.provider;
    this.headers = init.headers;
    this.body = init.body;
  }
};
var ConnectionError = class extends OpenAISwitchError {
  constructor(message, options) {
    super(message, options);
    this.name = "ConnectionError";
  }
};
var TimeoutError = class extends OpenAISwitchError {
  constructor(message) {
    super(message);
    this.name = "TimeoutError";
  }
};

// src/embed.ts
var globals = globalThis;
var fromBase64 = Uint8Array.fromBase64;
var decodeBase64 = fromBase64 ? fromBase64 : globals.Buffer ? (text) => globals.Buffer.from(text, "base64") : (text) => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
function toFloat32(embedding) {
  if (typeof embedding == "string") {
    const bytes = decodeBase64(embedding);
    return bytes.byteOffset || bytes.buffer.byteLength != bytes.length ? new Float32Array(bytes.slice().buffer) : new Float32Array(bytes.buffer, 0, bytes.length >> 2);
  }
  if (Array.isArray(embedding)) return new Float32Array(embedding);
  throw new ConnectionError("embedding is neither base64 nor an array of numbers");
}
var toNumbers = (embedding) => Array.isArray(embedding) && typeof embedding[0] != "string" ? embedding : Array.from(toFloat32(embedding));
var checkTexts = (input) => {
  if (!Array.isArray(input)) throw new ConfigError("input must be an array of strings");
  for (let i = 0; i < input.length; i++) {
    if (typeof input[i] != "string" || !input[i]) throw new ConfigError(`input[${i}] must be a non-empty string`);
  }
};
var positive = (value, name) => {
  if (!(Number.isInteger(value) && value > 0)) throw new ConfigError(`${name} must be a positive integer`);
  return value;
};
async function embed(call, body, o) {
  checkTexts(typeof body.input == "string" ? [body.input] : body.input);
  const response = await call({ encoding_format: "base64", ...body }, o ?? {});
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}
function embedMany(c, call, key, request, o = {}) {
  const { input, batchSize = 2048, concurrency = 1, format, onProgress, ...fields } = request;
  checkTexts(input);
  positive(batchSize, "batchSize");
  positive(concurrency, "concurrency");
  const { signal } = o;
  signal?.throwIfAborted();
  const total = input.length;
  const embeddings = new Array(total);
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally = { requests: 0 };
  const convert = format == "float32" ? toFloat32 : toNumbers;
  const body = { encoding_format: "base64", ...fields };
  let limit = Math.min(batchSize, c.limits.get(key) ?? batchSize);
  let probing = !!c.provider.inputLimit && !c.limits.has(key);
  const retry = [];
  let next = 0;
  let done = 0;
  let inFlight = 0;
  let over = false;
  const stop = new AbortController();
  const callOptions = { ...o, signal: stop.signal };
  return new Promise((resolve, reject) => {
    const finish = (error) => {
      if (over) return;
      over = true;
      signal?.removeEventListener("abort", onAbort);
      if (error === void 0) return resolve({ embeddings, usage, requests: tally.requests });
      stop.abort(error);
      reject(error);
    };
    const onAbort = () => finish(signal.reason);
    signal?.addEventListener("abort", onAbort);
    const run = async (start, end) => {
      const response = await call({ ...body, input: input.slice(start, end) }, callOptions, tally);
      const { data } = response;
      if (data?.length != end - start) throw new ConnectionError(`asked for ${end - start} embeddings, got ${data?.length}`);
      for (let i = 0; i < data.length; i++) {
        const item = data[i];
        const index = start + (item.index ?? i);
        if (index < start || index >= end || embeddings[index]) throw new ConnectionError("embeddings came back with bad indexes");
        embeddings[index] = convert(item.embedding);
      }
      usage.prompt_tokens += response.usage?.prompt_tokens ?? 0;
      usage.total_tokens += response.usage?.total_tokens ?? 0;
      done += end - start;
      probing = false;
      onProgress?.(done, total);
    };
    const failed = (start, end, error) => {
      const size = end - start;
      const named = error instanceof ApiError && size > 1 ? c.provider.inputLimit?.(error.status, error.body) : void 0;
      if (named === void 0) return finish(error);
      limit = named < size ? named : 1;
      c.limits.set(key, limit);
      probing = false;
      const pieces = [];
      for (let s = start; s < end; s += limit) pieces.push([s, Math.min(end, s + limit)]);
      retry.unshift(...pieces);
    };
    const pump = () => {
      while (!over && inFlight < (probing ? 1 : concurrency)) {
        let range = retry.shift();
        if (!range) {
          if (next >= total) break;
          range = [next, next = Math.min(total, next + limit)];
        }
        const [start, end] = range;
        inFlight++;
        run(start, end).then(
          () => {
            inFlight--;
            pump();
          },
          (error) => {
            inFlight--;
            failed(start, end, error);
            pump();
          }
        );
      }
      if (!inFlight && next >= total && !retry.length) finish();
    };
    pump();
  });
}

// src/providers.ts
var AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";
var fail = (message) => {
  throw new ConfigError(message);
};
var base = (url, what) => typeof url == "string" && /^https?:\/\/[^/]/i.test(url) ? url.replace(/\/+$/, "") : fail(`${what} must be an absolute http(s) URL`);
var bearer = (token) => ({ authorization: "Bearer " + token });
function resolveProvider(config) {
  if (config.provider == "openai") {
    const url = base(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
    const headers = config.apiKey ? bearer(config.apiKey) : {};
    if (config.organization) headers["openai-organization"] = config.organization;
    if (config.project) headers["openai-project"] = config.project;
    return {
      name: "openai",
      headers,
      bearer,
      target: (op, { deployment, ...body }) => [url + "/" + op, body]
    };
  }
  if (config.provider != "azure") return fail(`unknown provider ${JSON.stringify(config.provider)}: use "openai" or "azure"`);
  const root = base(config.endpoint, "azure endpoint") + "/openai/";
  const version = config.apiVersion;
  const v1 = version == "v1";
  if (!v1 && !/^\d{4}-\d\d-\d\d(-preview)?$/.test(version)) fail(`azure apiVersion must be a date like "2024-10-21" or "v1", not ${JSON.stringify(version)}`);
  const map = config.deployments ?? {};
  return {
    name: "azure",
    headers: config.apiKey ? { "api-key": config.apiKey } : {},
    bearer,
    target(op, { deployment, ...body }) {
      const name = deployment ?? map[body.model] ?? body.model;
      if (!name || name == "." || name == "..") fail(`invalid azure deployment name ${JSON.stringify(name)}`);
      if (v1) return [root + "v1/" + op, { ...body, model: name }];
      return [root + "deployments/" + encodeURIComponent(name) + "/" + op + "?api-version=" + version, body];
    },
    inputLimit(status, body) {
      const error = body?.error;
      const message = String(error?.message ?? "");
      if (status != 400 || !(/too many inputs/i.test(message) || error?.param == "input" && /array/i.test(message))) return;
      return +(/max number of inputs is (\d+)/i.exec(message)?.[1] ?? 1) || 1;
    }
  };
}

// src/send.ts
function retryDelay(headers, attempt) {
  const ms = headers?.get("retry-after-ms");
  const after = headers?.get("retry-after");
  const hinted = ms ? +ms : after ? +after * 1e3 || Date.parse(after) - Date.now() : NaN;
  if (hinted >= 0 && hinted <= 6e4) return hinted;
  return Math.min(500 * 2 ** attempt, 8e3) * (1 - Math.random() * 0.25);
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
  signal?.addEventListener("abort", abort, { once: true });
});
var scrub = (c, text) => {
  for (const secret of c.secrets) if (secret) text = text.split(secret).join("[redacted]");
  return text;
};
async function toApiError(c, response) {
  const { status, headers } = response;
  let body = scrub(c, await response.text().catch(() => ""));
  try {
    body = JSON.parse(body);
  } catch {
  }
  const error = body?.error;
  const location = headers.get("location");
  const message = typeof error?.message == "string" ? error.message : status > 299 && status < 400 || response.type == "opaqueredirect" ? `redirect${location ? " to " + scrub(c, location) : ""} not followed: it would send the credentials on` : `HTTP ${status} ${response.statusText}`.trim();
  return new ApiError({ status, provider: c.provider.name, headers, body, message });
}
async function send(c, url, body, o = {}, stream, tally) {
  const { signal } = o;
  const retries = o.maxRetries ?? c.maxRetries;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const headers = { ...c.headers, accept: stream ? "text/event-stream" : "application/json", ...o.headers };
    if (c.tokenProvider) {
      const token = await c.tokenProvider();
      if (typeof token != "string" || !token) throw new ConfigError("tokenProvider must return a non-empty string");
      c.secrets[1] = token;
      Object.assign(headers, c.provider.bearer(token));
    }
    signal?.throwIfAborted();
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal?.addEventListener("abort", abort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, o.timeoutMs ?? c.timeoutMs);
    const release = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    };
    let failure;
    let response;
    if (tally) tally.requests++;
    try {
      response = await (c.fetch ?? fetch)(url, { method: "POST", headers, body, signal: controller.signal, redirect: "manual" });
      if (response.ok) {
        if (stream) {
          clearTimeout(timer);
          return { response, release };
        }
        return await response.json();
      }
      failure = await toApiError(c, response);
      if (!isRetryable(response.status, response.headers)) throw failure;
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      if (e instanceof OpenAISwitchError) throw e;
      failure = timedOut ? new TimeoutError(`no answer within ${o.timeoutMs ?? c.timeoutMs} ms`) : new ConnectionError(e instanceof SyntaxError ? "response body is not valid JSON" : "request failed: " + scrub(c, String(e?.message ?? e)), { cause: e });
    } finally {
      if (!stream || !response?.ok) release();
    }
    if (attempt >= retries) throw failure;
    await sleep(retryDelay(response?.headers, attempt), signal);
  }
}

// src/sse.ts
function createSSEParser(onEvent) {
  let rest = "";
  let afterCR = false;
  let data;
  let event;
  let id;
  const line = (text) => {
    if (!text) {
      if (data !== void 0) onEvent({ event, data, id });
      data = event = void 0;
      return;
    }
    let colon = text.indexOf(":");
    if (colon == 0) return;
    if (colon < 0) colon = text.length;
    const field = text.slice(0, colon);
    const value = text.slice(text.charCodeAt(colon + 1) == 32 ? colon + 2 : colon + 1);
    if (field == "data") data = data === void 0 ? value : data + "\n" + value;
    else if (field == "event") event = value;
    else if (field == "id" && !value.includes("\0")) id = value;
  };
  return {
    feed(text) {
      let start = 0;
      if (afterCR && text.charCodeAt(0) == 10) start = 1;
      afterCR = false;
      if (rest) {
        text = rest + text.slice(start);
        start = 0;
      }
      if (text.indexOf("\r", start) < 0) {
        for (let nl; (nl = text.indexOf("\n", start)) >= 0; start = nl + 1) line(text.slice(start, nl));
      } else {
        const eol = /\r\n?|\n/g;
        eol.lastIndex = start;
        for (let m; m = eol.exec(text); start = eol.lastIndex) {
          if (m.index + 1 == text.length && m[0] == "\r") afterCR = true;
          line(text.slice(start, m.index));
        }
      }
      rest = text.slice(start);
    },
    end() {
      if (rest) line(rest);
      rest = "";
      line("");
    }
  };
}
async function* parseSSE(stream) {
  const queue = [];
  const parser = createSSEParser((e) => queue.push(e));
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      done = chunk.done;
      if (done) {
        parser.feed(decoder.decode());
        parser.end();
      } else parser.feed(decoder.decode(chunk.value, { stream: true }));
      for (let i = 0; i < queue.length; i++) yield queue[i];
      queue.length = 0;
    }
  } finally {
    if (!done) reader.cancel().catch(() => {
    });
    reader.releaseLock();
  }
}

// src/stream.ts
async function* chunks(c, open, signal) {
  const { response, release } = await open();
  try {
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("event-stream")) throw new ConnectionError(`expected an event stream, got ${type || "no content-type"}`);
    for await (const e of parseSSE(response.body)) {
      if (e.data == "[DONE]") return;
      let value;
      try {
        value = JSON.parse(e.data);
      } catch (cause) {
        if (e.event != "error") throw new ConnectionError("stream event is not valid JSON", { cause });
        value = { error: { message: e.data } };
      }
      if (e.event == "error" || value?.error) {
        throw new ApiError({ status: response.status, provider: c.provider.name, headers: response.headers, body: value, message: value.error?.message ?? "stream error" });
      }
      yield value;
    }
    throw new ConnectionError("stream ended before [DONE]");
  } catch (e) {
    if (signal?.aborted) throw signal.reason;
    throw e instanceof OpenAISwitchError ? e : new ConnectionError("stream broke: " + e?.message, { cause: e });
  } finally {
    release();
  }
}

// src/client.ts
var check = (ok, message) => {
  if (!ok) throw new ConfigError(message);
};
var count = (value, fallback, name, min) => {
  value ??= fallback;
  check(Number.isInteger(value) && value >= min, `${name} must be an integer \u2265 ${min}`);
  return value;
};
function createClient(config) {
  check(config && typeof config == "object", "createClient needs a config object");
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  check(!(apiKey && tokenProvider), "give apiKey or tokenProvider, not both");
  check(typeof apiKey == "string" ? apiKey : typeof tokenProvider == "function", `${provider.name} needs an apiKey (a non-empty string) or a tokenProvider (a function)`);
  check(
    !apiKey || config.dangerouslyAllowBrowser || !("document" in globalThis),
    "an apiKey in a browser is readable by anyone: use a tokenProvider, or set dangerouslyAllowBrowser: true"
  );
  const c = {
    provider,
    fetch: config.fetch,
    headers: { "content-type": "application/json", ...provider.headers, ...config.headers },
    tokenProvider,
    maxRetries: count(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: count(config.timeoutMs, 6e5, "timeoutMs", 1),
    secrets: [apiKey ?? ""],
    limits: /* @__PURE__ */ new Map()
  };
  const target = (op, request) => {
    check(request && typeof request == "object", "a request must be an object");
    check(typeof request.model == "string" && request.model || provider.name == "azure" && request.deployment, "model is required");
    return provider.target(op, request);
  };
  const post = (op, request, o) => {
    const [url, body] = target(op, request);
    return send(c, url, JSON.stringify(body), o);
  };
  const stream = (op, request, o) => {
    const [url, body] = target(op, request);
    body.stream = true;
    const json = JSON.stringify(body);
    return chunks(c, () => send(c, url, json, o, true), o?.signal);
  };
  const embedCall = (body, o, tally) => {
    const [url, payload] = target("embeddings", body);
    return send(c, url, JSON.stringify(payload), o, false, tally);
  };
  const messages = (request) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };
  return {
    provider: provider.name,
    chat: (request, o) => post("chat/completions", messages(request), o),
    complete: (request, o) => post("completions", request, o),
    embed: (request, o) => embed(embedCall, request, o),
    chatStream: (request, o) => stream("chat/completions", messages(request), o),
    completeStream: (request, o) => stream("completions", request, o),
    embedMany(request, o) {
      const [url, body] = target("embeddings", request);
      return embedMany(c, embedCall, url + " " + body.model, request, o);
    }
  };
}

// src/env.ts
var DEFAULT_AZURE_API_VERSION = "2024-10-21";
var readEnv = () => {
  const g = globalThis;
  try {
    return g.process?.env ?? g.Deno?.env.toObject() ?? {};
  } catch {
    return {};
  }
};
function fromEnv(env = readEnv()) {
  const type = env.OPENAI_API_TYPE?.toLowerCase();
  const apiVersion = env.OPENAI_API_VERSION || env.AZURE_OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION;
  if (env.AZURE_OPENAI_ENDPOINT) {
    return { provider: "azure", endpoint: env.AZURE_OPENAI_ENDPOINT, apiVersion, apiKey: env.AZURE_OPENAI_API_KEY || void 0 };
  }
  if ((type == "azure" || type == "azure_ad" || type == "azuread") && env.OPENAI_API_BASE) {
    const key = env.OPENAI_API_KEY || void 0;
    return type == "azure" ? { provider: "azure", endpoint: env.OPENAI_API_BASE, apiVersion, apiKey: key } : { provider: "azure", endpoint: env.OPENAI_API_BASE, apiVersion, tokenProvider: key ? () => key : void 0 };
  }
  if (env.OPENAI_API_KEY) {
    return {
      provider: "openai",
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL || void 0,
      organization: env.OPENAI_ORG_ID || void 0,
      project: env.OPENAI_PROJECT_ID || void 0
    };
  }
  throw new ConfigError(
    "no OpenAI or Azure OpenAI settings in the environment: set AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY), OPENAI_API_TYPE=azure + OPENAI_API_BASE + OPENAI_API_KEY, or OPENAI_API_KEY"
  );
}
export {
  AZURE_SCOPE,
  ApiError,
  ConfigError,
  ConnectionError,
  DEFAULT_AZURE_API_VERSION,
  OpenAISwitchError,
  TimeoutError,
  createClient,
  createSSEParser,
  fromEnv,
  parseSSE
};
