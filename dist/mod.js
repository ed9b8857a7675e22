// src/errors.ts
var OpenAISwitchError = class extends Error {
};
var ConfigError = class extends OpenAISwitchError {
};
var check = (ok, message) => {
  if (!ok) throw new ConfigError(message);
};
var integer = (value, fallback, name, min, max) => {
  const resolved = value ?? fallback;
  const ok = Number.isInteger(resolved) && resolved >= min && resolved <= (max ?? resolved);
  check(ok, `${name} must be an integer >= ${min}` + (max ? ` and <= ${max}` : ""));
  return resolved;
};
var HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
var HEADER_NAME = /^[!#$%&'*+.^_`|~\w-]+$/;
var headerValue = (value, what) => {
  check(typeof value == "string", what + " must be a string");
  const trimmed = value.trim();
  check(HEADER_VALUE.test(trimmed), what + " holds a line break, NUL or other character a header cannot carry");
  return trimmed;
};
var headerRecord = (headers, what) => {
  const clean = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    check(HEADER_NAME.test(name), `${what}: ${JSON.stringify(name)} is not a header name`);
    clean[name.toLowerCase()] = headerValue(value, `${what}[${JSON.stringify(name)}]`);
  }
  return clean;
};
var ApiError = class extends OpenAISwitchError {
  constructor(init) {
    super(init.message);
    const error = init.body?.error;
    const field = (name) => {
      const value = init[name] ?? error?.[name];
      return value == null ? void 0 : String(value);
    };
    Object.assign(this, {
      status: init.status,
      provider: init.provider,
      headers: init.headers,
      body: init.body,
      code: field("code"),
      type: field("type"),
      param: field("param"),
      requestId: init.headers.get("x-request-id") ?? init.headers.get("apim-request-id") ?? void 0
    });
  }
};
var ConnectionError = class extends OpenAISwitchError {
  constructor(message, init = {}) {
    super(message, "cause" in init ? { cause: init.cause } : void 0);
    if (init.status !== void 0) Object.assign(this, { status: init.status, body: init.body });
  }
};
var TimeoutError = class extends OpenAISwitchError {
  constructor(message, init) {
    super(message);
    if (init) Object.assign(this, { timeoutMs: init.timeoutMs, attempts: init.attempts });
  }
};
for (const [type, name] of [
  [OpenAISwitchError, "OpenAISwitchError"],
  [ConfigError, "ConfigError"],
  [ApiError, "ApiError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"]
]) type.prototype.name = name;

// src/vector-reader.ts
var KEY = '"embedding":';
var QUOTE = '"';
var BACKSLASH = "\\";
var SPACE = 32;
var TAB = 9;
var LINE_FEED = 10;
var CARRIAGE_RETURN = 13;
var STREAMING = { stream: true };
var isSpace = (code) => code == SPACE || code == TAB || code == LINE_FEED || code == CARRIAGE_RETURN;
var VectorReader = class {
  /** The vectors taken out, in the order they came: `vectors[k]` stands where the JSON says `k`. */
  vectors = [];
  #decode;
  /** The JSON settled so far: nothing in it can still become part of a vector. */
  #json = "";
  /** Text that may still begin a key (it is joined to the next piece before it is searched). */
  #tail = "";
  /** The character before `#tail`: a key's quote after a backslash is escaped, not a key. */
  #before = "";
  /** The pieces of a value whose closing quote has not come yet; undefined between values. */
  #value = void 0;
  constructor(decode) {
    this.#decode = decode;
  }
  /** Reads a response's body through {@link feed}, and resolves to the JSON text that is left. */
  read = async (response) => {
    if (!response.body) return "";
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (; ; ) {
      const chunk = await reader.read();
      if (chunk.done) break;
      this.feed(decoder.decode(chunk.value, STREAMING));
    }
    this.feed(decoder.decode());
    return this.end();
  };
  /** Takes the next piece of the answer's text. */
  feed(piece) {
    let text = piece;
    if (this.#value) {
      const close = text.indexOf(QUOTE);
      if (close < 0) {
        this.#value.push(text);
        return;
      }
      this.#value.push(text.slice(0, close));
      this.#json += this.#settleValue(this.#value.join(""));
      this.#value = void 0;
      text = text.slice(close + 1);
    }
    text = this.#tail + text;
    const settled = [];
    let from = 0;
    let search = 0;
    let keep = text.length;
    for (; ; ) {
      const key = text.indexOf(KEY, search);
      if (key < 0) {
        keep = Math.max(from, text.length - KEY.length + 1);
        break;
      }
      let open = key + KEY.length;
      while (open < text.length && isSpace(text.charCodeAt(open))) open++;
      if (open == text.length) {
        keep = key;
        break;
      }
      const escaped = (key > 0 ? text[key - 1] : this.#before) == BACKSLASH;
      if (text[open] != QUOTE || escaped) {
        search = open;
        continue;
      }
      settled.push(text.slice(from, open));
      const close = text.indexOf(QUOTE, open + 1);
      if (close < 0) {
        this.#value = [text.slice(open + 1)];
        from = text.length;
        break;
      }
      settled.push(this.#settleValue(text.slice(open + 1, close)));
      from = close + 1;
      search = from;
    }
    settled.push(text.slice(from, keep));
    this.#json += settled.join("");
    this.#before = keep > 0 ? text[keep - 1] : this.#before;
    this.#tail = text.slice(keep);
  }
  /** The JSON text left once the whole answer has been fed (an answer cut inside a value stays cut, and fails). */
  end() {
    const unfinished = this.#value ? QUOTE + this.#value.join("") : "";
    this.#value = void 0;
    const json = this.#json + unfinished + this.#tail;
    this.#json = "";
    this.#tail = "";
    return json;
  }
  /** A value's place in the JSON: its vector's number, or the value itself when it holds an escape. */
  #settleValue(value) {
    if (value.includes(BACKSLASH)) return QUOTE + value + QUOTE;
    this.vectors.push(this.#decode(value));
    return String(this.vectors.length - 1);
  }
};

// src/embed.ts
var { Buffer: nativeBuffer } = globalThis;
var decodeBase64 = (text) => nativeBuffer ? nativeBuffer.from(text, "base64") : Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
function toFloat32(embedding) {
  if (embedding instanceof Float32Array) return embedding;
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
var isSlot = (index, count2) => Number.isInteger(index) && index >= 0 && index < count2;
function embeddingsOf(response, count2, vectors) {
  const data = response?.data;
  if (!Array.isArray(data)) throw new ConnectionError("the embeddings response has no data list");
  if (data.length != count2) throw new ConnectionError(`${count2} inputs sent, ${data.length} embeddings received`);
  const slots = new Array(count2);
  let taken = 0;
  for (let position = 0; position < count2; position++) {
    const item = data[position];
    const index = item?.index ?? position;
    if (!item || !isSlot(index, count2) || index in slots) {
      throw new ConnectionError(`bad embedding at data[${position}]: a repeated or invalid index`);
    }
    if (typeof item.embedding == "number") {
      if (item.embedding !== taken || taken >= vectors.length) {
        throw new ConnectionError(`bad embedding at data[${position}]: a number`);
      }
      item.embedding = vectors[taken];
      taken++;
    }
    slots[index] = item.embedding;
  }
  return slots;
}
async function callEmbeddings(call, body, count2, options) {
  const reader = new VectorReader(toFloat32);
  const response = await call({ encoding_format: "base64", ...body }, { ...options, readAnswer: reader.read });
  const embeddings = embeddingsOf(response, count2, reader.vectors);
  return { response, embeddings };
}
async function embed(call, body, options = {}) {
  const texts = [body?.input].flat();
  checkTexts(texts.length ? texts : [""]);
  const { response } = await callEmbeddings(call, body, texts.length, options);
  for (const item of response.data) item.embedding = toNumbers(item.embedding);
  return response;
}

// src/retry.ts
var RETRYABLE_STATUSES = /* @__PURE__ */ new Set([
  408,
  // Request Timeout: the server gave up waiting for the request
  409,
  // Conflict: OpenAI's lock on a resource that another request holds for a moment
  429,
  // Too Many Requests: a rate limit; the answer says how long to wait
  500,
  // Internal Server Error: usually transient on both services
  502,
  // Bad Gateway: a proxy or API Management gateway lost its backend
  503,
  // Service Unavailable: overloaded or restarting
  504,
  // Gateway Timeout: the backend was too slow for the gateway
  520,
  // Cloudflare: the origin sent something unexpected
  522,
  // Cloudflare: the origin did not accept the connection in time
  524,
  // Cloudflare: the origin accepted but did not answer in time
  529
  // Overloaded (some gateways and model hosts)
]);
function isRetryable(status, headers) {
  const hint = headers.get("x-should-retry");
  if (hint == "true") return true;
  if (hint == "false") return false;
  return RETRYABLE_STATUSES.has(status);
}
var MAX_HINTED_DELAY_MS = 6e4;
var NUMBER = /^\d+(?:\.\d+)?$/;
var DURATION = /^(?:\d+(?:\.\d+)?(?:ms|h|m|s))+$/;
var DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
var UNIT_MS = { h: 36e5, m: 6e4, s: 1e3, ms: 1 };
var milliseconds = (value) => value && NUMBER.test(value) ? +value : void 0;
var seconds = (value) => {
  const count2 = milliseconds(value);
  return count2 === void 0 ? void 0 : count2 * 1e3;
};
var untilDate = (value) => {
  const at = value ? Date.parse(value) : NaN;
  const wait = at - Date.now();
  return wait >= 0 ? wait : void 0;
};
var duration = (value) => {
  if (!value || !DURATION.test(value)) return void 0;
  let total = 0;
  for (const [, count2, unit] of value.matchAll(DURATION_PART)) total += +count2 * UNIT_MS[unit];
  return total;
};
function hintedDelay(headers) {
  const ms = milliseconds(headers.get("retry-after-ms"));
  if (ms !== void 0) return ms;
  const after = headers.get("retry-after");
  const afterSeconds = seconds(after);
  if (afterSeconds !== void 0) return afterSeconds;
  const afterDate = untilDate(after);
  if (afterDate !== void 0) return afterDate;
  const requests = duration(headers.get("x-ratelimit-reset-requests"));
  if (requests !== void 0) return requests;
  return duration(headers.get("x-ratelimit-reset-tokens"));
}
function backoffDelay(attempt) {
  const ceiling = Math.min(500 * 2 ** attempt, 8e3);
  return ceiling * (1 - Math.random() * 0.25);
}
function retryDelay(headers, attempt) {
  const hinted = headers && hintedDelay(headers);
  return hinted !== void 0 && hinted <= MAX_HINTED_DELAY_MS ? hinted : backoffDelay(attempt);
}

// src/pacing.ts
var WINDOW_MARGIN = 0.05;
var COUNT = /^\d+$/;
var count = (value) => value && COUNT.test(value) ? +value : void 0;
function side(headers, kind) {
  const remaining = count(headers.get(`x-ratelimit-remaining-${kind}`));
  if (remaining === void 0) return void 0;
  const limit = count(headers.get(`x-ratelimit-limit-${kind}`));
  return { remaining, limit, resetMs: duration(headers.get(`x-ratelimit-reset-${kind}`)) };
}
function refill({ remaining, limit, resetMs }, needed) {
  if (resetMs === void 0) return void 0;
  const used = limit === void 0 ? 0 : limit - remaining;
  return used > needed ? resetMs * needed / used : resetMs;
}
var Pacer = class {
  #started = 0;
  #tokensSent = 0;
  #reading;
  /** Answers to calls started before this one describe the service before the last 429 pause. */
  #freshFrom = 0;
  /** When the calls the service counted (all but its 429s) started, oldest first. */
  #counted = [];
  /** The most requests one answer said were left, plus that call: the size of the service's window. */
  #size;
  /** The service's window, learned from the first 429: `size` requests in any `ms`. */
  #windowMs;
  /** Counts a call that starts `now`, of about `tokens` tokens. */
  started(tokens, now) {
    const asking = this.#spent(tokens);
    this.#tokensSent += tokens;
    const counted = this.#counted;
    counted.push(now);
    const size = this.#size;
    if (size !== void 0 && counted.length > 2 * size) counted.splice(0, counted.length - size);
    return { seq: this.#started++, at: now, tokensThrough: this.#tokensSent, asking };
  }
  /**
   * Reads the rate-limit headers of the answer (with its status) to the call of `ticket`. The answer that comes last
   * is the reading, even if its call started before the last reading's: the service counts calls in the order they
   * arrive, which is not always the order they left, so an older call that arrived later has seen the newer one.
   */
  answered(ticket, status, headers, now) {
    if (status == 429) this.#counted.splice(this.#counted.lastIndexOf(ticket.at), 1);
    if (ticket.seq < this.#freshFrom) return;
    const requests = side(headers, "requests");
    const tokens = side(headers, "tokens");
    if (requests && status != 429) this.#size = Math.max(this.#size ?? 0, requests.remaining + 1);
    const { seq, tokensThrough } = ticket;
    this.#reading = requests || tokens ? { seq, tokensThrough, at: now, requests, tokens } : void 0;
  }
  /** A 429 paused the job until `until`: once over, one call goes and its answer tells the rest. */
  paused(until) {
    const counted = this.#counted;
    const size = this.#size;
    const oldest = size === void 0 ? void 0 : counted[Math.max(0, counted.length - size)];
    if (this.#windowMs === void 0 && oldest !== void 0) this.#windowMs = (until - oldest) * (1 + WINDOW_MARGIN);
    this.#freshFrom = this.#started;
    const onePasses = { remaining: 1 };
    this.#reading = { seq: this.#started - 1, tokensThrough: this.#tokensSent, at: -Infinity, requests: onePasses };
  }
  /**
   * How long the next call, of about `tokens` tokens, should wait: undefined to go now, a number of ms, or Infinity
   * to wait for one of the `inFlight` calls to answer.
   */
  wait(tokens, inFlight, now) {
    const windowFreesAt = this.#windowFreesAt();
    if (windowFreesAt > now) return windowFreesAt - now;
    if (!this.#spent(tokens)) return void 0;
    if (inFlight) return Infinity;
    const reading = this.#reading;
    if (!reading) return void 0;
    const { requests: requestsLeft, tokens: tokensLeft } = this.#left(reading);
    const waits = [];
    if (reading.requests && requestsLeft < 1) waits.push(refill(reading.requests, 1 - requestsLeft) ?? 0);
    if (reading.tokens && tokensLeft < tokens) waits.push(refill(reading.tokens, tokens - tokensLeft) ?? 0);
    const ready = reading.at + Math.max(0, ...waits);
    return ready > now ? ready - now : void 0;
  }
  /** When the learned window lets one more request in: the one `size` counted requests back is a window old. */
  #windowFreesAt() {
    const counted = this.#counted;
    const size = this.#size;
    if (this.#windowMs === void 0 || size === void 0 || counted.length < size) return -Infinity;
    return (counted[counted.length - size] ?? -Infinity) + this.#windowMs;
  }
  /** What is left of each limit now: the reading's figures less what was started after its call. */
  #left(reading) {
    const startedSince = this.#started - reading.seq - 1;
    const tokensSince = this.#tokensSent - reading.tokensThrough;
    return {
      requests: (reading.requests?.remaining ?? Infinity) - startedSince,
      tokens: (reading.tokens?.remaining ?? Infinity) - tokensSince
    };
  }
  #spent(tokens) {
    if (!this.#reading) return false;
    const left = this.#left(this.#reading);
    return left.requests < 1 || left.tokens < tokens;
  }
};

// src/embed-many.ts
var DEFAULT_CONCURRENCY = 4;
var DEFAULT_BATCH_SIZE = 2048;
var UNKEPT_BATCH_SIZE = 512;
var TOKEN_MARGIN = 0.95;
var MAX_PAUSES = 6;
var TOKENS_PER_CHAR = 0.25;
var TOKEN_CAP = /Requested (\d+) tokens, max (\d+) tokens per request/;
var TOO_LONG = /maximum context length/i;
async function embedMany(target, request, options = {}) {
  const {
    input,
    batchSize: chosenBatchSize,
    concurrency = DEFAULT_CONCURRENCY,
    format,
    keep = true,
    onBatch,
    onProgress,
    ...fields
  } = request;
  const defaultBatchSize = keep ? DEFAULT_BATCH_SIZE : UNKEPT_BATCH_SIZE;
  const batchSize = chosenBatchSize === void 0 ? defaultBatchSize : chosenBatchSize;
  checkTexts(input);
  integer(batchSize, 0, "batchSize", 1);
  integer(concurrency, 0, "concurrency", 1);
  check(typeof keep == "boolean", "keep must be a boolean");
  check(!onBatch || typeof onBatch == "function", "onBatch must be a function");
  const { signal } = options;
  signal?.throwIfAborted();
  const limits = target.limits.get(target.key) ?? {};
  target.limits.set(target.key, limits);
  const convert = format == "float32" ? toFloat32 : toNumbers;
  const total = input.length;
  const embeddings = keep ? new Array(total) : [];
  const usage = { prompt_tokens: 0, total_tokens: 0 };
  const tally = { requests: 0 };
  const unsent = total ? [{ start: 0, end: total, cap: batchSize }] : [];
  const inFlight = /* @__PURE__ */ new Set();
  const held = /* @__PURE__ */ new Map();
  let delivered = 0;
  let delivering = false;
  let failure;
  const pacer = new Pacer();
  let allowed = concurrency;
  let successes = 0;
  let epoch = 0;
  let pauses = 0;
  let pausedUntil = 0;
  let wake = () => {
  };
  const nextChange = async (timeoutMs) => {
    let timer;
    await new Promise((resolve) => {
      wake = resolve;
      if (timeoutMs < Infinity) timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
  };
  const failedAt = () => failure?.at ?? total;
  const nextCut = (range) => {
    const most = Math.min(range.end - range.start, range.cap, limits.inputs ?? Infinity);
    const budget = limits.chars ?? Infinity;
    let end = range.start + 1;
    let chars = input[range.start].length;
    while (end < range.start + most && chars + input[end].length <= budget) {
      chars += input[end].length;
      end++;
    }
    return { end, chars };
  };
  const giveBack = ({ start, end }, cap) => {
    const at = unsent.findIndex((range) => range.start > start);
    const following = unsent[at];
    if (following && following.start == end && following.cap == cap) following.start = start;
    else unsent.splice(at < 0 ? unsent.length : at, 0, { start, end, cap });
  };
  const fail = (at, error) => {
    if (failure && failure.at <= at) return;
    failure = { at, error };
    for (const call of inFlight) if (call.start > at) call.controller.abort(error);
  };
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      let batch = held.get(delivered);
      while (batch && delivered < failedAt() && !signal?.aborted) {
        const start = delivered;
        if (keep) for (let i = 0; i < batch.vectors.length; i++) embeddings[start + i] = batch.vectors[i];
        await onBatch?.(batch.vectors, start);
        held.delete(start);
        delivered = batch.end;
        onProgress?.(delivered, total);
        batch = held.get(delivered);
      }
    } catch (error) {
      fail(delivered, error);
    } finally {
      delivering = false;
      wake();
    }
  };
  const succeeded = (response) => {
    const counted = response.usage;
    for (const field of ["prompt_tokens", "total_tokens"]) usage[field] += counted?.[field] ?? 0;
    limits.probed = true;
    pauses = 0;
    successes++;
    if (allowed < concurrency && successes >= allowed) {
      allowed++;
      successes = 0;
    }
  };
  const throttled = (call, error) => {
    const wait = hintedDelay(error.headers) ?? backoffDelay(pauses);
    const first = call.epoch == epoch && !call.ticket.asking;
    if (wait > MAX_HINTED_DELAY_MS || first && pauses >= MAX_PAUSES) return fail(call.start, error);
    if (first) {
      pauses++;
      epoch++;
      successes = 0;
      allowed = Math.max(1, Math.floor(allowed / 2));
    }
    pausedUntil = Math.max(pausedUntil, Date.now() + wait);
    pacer.paused(pausedUntil);
    giveBack(call, call.cap);
  };
  const recover = (call, error) => {
    const size = call.end - call.start;
    if (!(error instanceof ApiError)) return fail(call.start, error);
    if (error.status == 429) return throttled(call, error);
    const tokenCap = TOKEN_CAP.exec(error.message);
    if (size > 1 && (tokenCap || error.code == "max_tokens_per_request")) {
      if (tokenCap) {
        const [, requested, max] = tokenCap;
        const fits = Math.floor(call.chars * +max * TOKEN_MARGIN / +requested);
        limits.chars = Math.min(limits.chars ?? Infinity, fits);
      }
      return giveBack(call, (limits.chars ?? Infinity) < call.chars ? call.cap : Math.ceil(size / 2));
    }
    const named = size > 1 ? target.inputLimit?.(error.status, error.body) : void 0;
    if (named !== void 0) {
      limits.inputs = named < size ? named : 1;
      return giveBack(call, call.cap);
    }
    if (error.status == 400 && TOO_LONG.test(error.message)) {
      if (size > 1) return giveBack(call, Math.ceil(size / 2));
      const { status, provider, headers, body } = error;
      const message = `${error.message} (embedMany: input[${call.start}] is too long)`;
      return fail(call.start, new ApiError({ status, provider, headers, body, message }));
    }
    fail(call.start, error);
  };
  const run = async (call) => {
    try {
      const body = { ...fields, input: input.slice(call.start, call.end) };
      const onAnswer = (status, headers) => pacer.answered(call.ticket, status, headers, Date.now());
      const callOptions = { ...options, signal: call.controller.signal, tally, retryRateLimited: false, onAnswer };
      const { response, embeddings: embeddings2 } = await callEmbeddings(target.call, body, call.end - call.start, callOptions);
      const vectors = embeddings2.map(convert);
      succeeded(response);
      held.set(call.start, { end: call.end, vectors });
      void deliver();
    } catch (error) {
      if (!call.controller.signal.aborted) recover(call, error);
    } finally {
      inFlight.delete(call);
      wake();
    }
  };
  const launch = (now) => {
    const told = limits.probed || limits.inputs !== void 0 || limits.chars !== void 0;
    while (inFlight.size < (told ? allowed : 1) && unsent[0] && unsent[0].start < failedAt()) {
      const range = unsent[0];
      if (inFlight.size + held.size >= concurrency && range.start > Math.max(...held.keys())) return Infinity;
      const { end, chars } = nextCut(range);
      const tokens = Math.ceil(chars * TOKENS_PER_CHAR);
      const wait = pacer.wait(tokens, inFlight.size, now);
      if (wait !== void 0) return wait;
      const call = { start: range.start, end, cap: range.cap, chars, controller: new AbortController(), epoch };
      if (end == range.end) unsent.shift();
      else range.start = end;
      const started = { ...call, ticket: pacer.started(tokens, now) };
      inFlight.add(started);
      void run(started);
    }
    return Infinity;
  };
  const abort = () => {
    for (const call of inFlight) call.controller.abort(signal?.reason);
    wake();
  };
  signal?.addEventListener("abort", abort);
  try {
    for (; ; ) {
      signal?.throwIfAborted();
      const now = Date.now();
      const pausedFor = pausedUntil - now;
      const sleep2 = pausedFor > 0 ? pausedFor : launch(now);
      const more = unsent[0] && unsent[0].start < failedAt();
      if (!inFlight.size && !delivering && !more) break;
      await nextChange(sleep2);
    }
  } finally {
    signal?.removeEventListener("abort", abort);
  }
  if (failure) throw failure.error;
  return { embeddings, usage, requests: tally.requests };
}

// src/end-rules.ts
var CHAT_END = { doneData: "[DONE]", errorKey: "error", errorEvent: "error" };
var RESPONSES_END = {
  ignoredData: "[DONE]",
  terminalTypes: ["response.completed", "response.incomplete"],
  failureTypes: { "response.failed": ["response", "error"], error: [] },
  errorKey: "error",
  errorEvent: "error"
};
var kindsOf = (rule) => {
  const kinds = /* @__PURE__ */ new Map();
  for (const type of rule.terminalTypes ?? []) kinds.set(type, { ends: true });
  for (const [type, keys] of Object.entries(rule.failureTypes ?? {})) kinds.set(type, { failureAt: keys });
  return kinds;
};
var endName = (rule) => rule.doneData !== void 0 ? "data: " + rule.doneData : (rule.terminalTypes ?? []).join(" or ");

// src/abort.ts
var waiting = /* @__PURE__ */ new WeakMap();
function onAbort(signal, callback) {
  let entry = waiting.get(signal);
  if (!entry) {
    const callbacks2 = /* @__PURE__ */ new Set();
    const fire2 = () => {
      waiting.delete(signal);
      for (const waiter of callbacks2) waiter();
    };
    entry = { callbacks: callbacks2, fire: fire2 };
    waiting.set(signal, entry);
    signal.addEventListener("abort", fire2, { once: true });
  }
  const { callbacks, fire } = entry;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size || waiting.get(signal)?.callbacks !== callbacks) return;
    waiting.delete(signal);
    signal.removeEventListener("abort", fire);
  };
}
function abortable(promise, signal) {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const off = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        off();
        resolve(value);
      },
      (error) => {
        off();
        reject(error);
      }
    );
  });
}
function sleep(ms, signal) {
  let timer;
  const waited = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return abortable(waited, signal).finally(() => clearTimeout(timer));
}

// src/sse.ts
var LF = 10;
var CR = 13;
var COLON = 58;
var SPACE2 = 32;
var DATA_LINE = "data: ";
var EVENT_LINE = "event: ";
function createSSEParser() {
  return new Parser();
}
var Parser = class {
  /** The pieces of a line that has not ended yet. */
  #fragments = [];
  /** The last piece ended in "\r": a "\n" starting the next one belongs to that line ending. */
  #afterCR = false;
  #data = void 0;
  #event = void 0;
  #id = void 0;
  #events = [];
  feed(text, end) {
    this.#events = [];
    if (text.length) this.#lines(text);
    if (end) {
      if (this.#fragments.length) this.#joinedLine("");
      this.#dispatch();
      this.#afterCR = false;
    }
    return this.#events;
  }
  /** Handles each line of one piece, in one loop; the unfinished line at its end is kept as a fragment. */
  #lines(text) {
    let start = 0;
    if (this.#afterCR && text.charCodeAt(0) == LF) start = 1;
    this.#afterCR = false;
    let nextLF = text.indexOf("\n", start);
    let nextCR = text.indexOf("\r", start);
    while (nextLF != -1 || nextCR != -1) {
      let stop = nextLF;
      if (stop == -1 || nextCR != -1 && nextCR < stop) stop = nextCR;
      if (this.#fragments.length) this.#joinedLine(text.slice(start, stop));
      else if (start == stop) this.#dispatch();
      else if (text.startsWith(DATA_LINE, start)) this.#addData(text.slice(start + DATA_LINE.length, stop));
      else if (text.startsWith(EVENT_LINE, start)) this.#event = text.slice(start + EVENT_LINE.length, stop);
      else this.#field(text, start, stop);
      start = stop + 1;
      if (text.charCodeAt(stop) == CR) {
        if (start == text.length) this.#afterCR = true;
        else if (text.charCodeAt(start) == LF) start++;
      }
      if (nextLF != -1 && nextLF < start) nextLF = text.indexOf("\n", start);
      if (nextCR != -1 && nextCR < start) nextCR = text.indexOf("\r", start);
    }
    if (start < text.length) this.#fragments.push(text.slice(start));
  }
  #dispatch() {
    const data = this.#data;
    if (data !== void 0) this.#events.push({ event: this.#event || void 0, data, id: this.#id });
    this.#data = void 0;
    this.#event = void 0;
  }
  #addData(value) {
    const data = this.#data;
    this.#data = data === void 0 ? value : data + "\n" + value;
  }
  /** The line whose start is in earlier pieces, ending with `last`. */
  #joinedLine(last) {
    this.#fragments.push(last);
    const whole = this.#fragments.join("");
    this.#fragments.length = 0;
    if (!whole) this.#dispatch();
    else if (whole.startsWith(DATA_LINE)) this.#addData(whole.slice(DATA_LINE.length));
    else this.#field(whole, 0, whole.length);
  }
  /** Any line but a blank one or "data: …": a comment, `data` without its space, `event`, `id`, or another field. */
  #field(text, from, to) {
    if (text.charCodeAt(from) == COLON) return;
    const dataValue = valueOf(text, from, to, "data");
    if (dataValue !== void 0) return this.#addData(dataValue);
    const eventValue = valueOf(text, from, to, "event");
    if (eventValue !== void 0) {
      this.#event = eventValue;
      return;
    }
    const idValue = valueOf(text, from, to, "id");
    if (idValue !== void 0 && !idValue.includes("\0")) this.#id = idValue;
  }
};
function valueOf(text, from, to, name) {
  const nameEnd = from + name.length;
  if (nameEnd > to || !text.startsWith(name, from)) return void 0;
  if (nameEnd == to) return "";
  if (text.charCodeAt(nameEnd) != COLON) return void 0;
  const valueStart = text.charCodeAt(nameEnd + 1) == SPACE2 && nameEnd + 1 < to ? nameEnd + 2 : nameEnd + 1;
  return text.slice(valueStart, to);
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

// src/stream-errors.ts
var parseOrKeep = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
var isObject = (value) => typeof value == "object" && value !== null;
var asText = (value) => value == null ? void 0 : String(value);
function carriedError(opened, body, keys, text) {
  let fields = body;
  for (const key of keys) fields = isObject(fields) ? fields[key] : void 0;
  const error = isObject(fields) ? fields : {};
  const { response, toError } = opened;
  return toError({
    status: response.status,
    headers: response.headers,
    body,
    message: typeof error.message == "string" ? error.message : text,
    code: asText(error.code),
    param: asText(error.param),
    type: asText(error.type)
  });
}
async function notStreamedError(opened, response) {
  const type = response.headers.get("content-type");
  const text = await response.text();
  const body = parseOrKeep(text);
  if (isObject(body) && isObject(body.error)) return carriedError(opened, body, ["error"], text);
  const problem = `the server did not stream: a ${response.status} with content-type ${type}`;
  return opened.toConnectionError(problem, { status: response.status, body: text });
}

// src/events.ts
var MAX_TIMER_MS = 2 ** 31 - 1;
var STREAMING2 = { stream: true };
var ignore = () => {
};
function readEvents(open, rule, options) {
  return new EventReader(open, rule, options);
}
var EventReader = class {
  #open;
  #rule;
  #signal;
  #timeoutMs;
  /** The event `type`s the rule names: those that end the stream, and those that are failures. */
  #kinds;
  #parser = createSSEParser();
  #decoder = new TextDecoder();
  #opened = void 0;
  #reader = void 0;
  /** The events of the last read, not handed out yet: `pending[head]` is next. */
  #pending = [];
  #head = 0;
  /** The body has been read to its end: once `pending` is handed out, nothing more comes. */
  #bodyDone = false;
  /** Nothing more will be read: the end came, or `failure` happened (delivered once the queue is empty). */
  #ended = false;
  #failed = false;
  #failure = void 0;
  /** The outcome has been delivered, or `return()` was called: every `next()` is done from now on. */
  #closed = false;
  /** The body needs no cancelling: it was read to its end, or has been cancelled. */
  #released = false;
  /** The fill in progress, which a `next()` called meanwhile waits for. */
  #filling = void 0;
  /** Unregisters the abort callback; set once the body is being read. */
  #unlisten = ignore;
  // One timer for the whole stream, re-armed only when it fires: a read costs a clock reading, not a timer.
  #waiting = false;
  #waitingSince = 0;
  #stalled = false;
  #timer = void 0;
  constructor(open, rule, options) {
    this.#open = open;
    this.#rule = rule;
    this.#signal = options.signal;
    this.#timeoutMs = options.timeoutMs;
    this.#kinds = kindsOf(rule);
  }
  next() {
    if (this.#closed) return Promise.resolve({ done: true, value: void 0 });
    if (this.#filling) return this.#filling.then(this.#retry, this.#retry);
    const signal = this.#signal;
    if (signal?.aborted) {
      this.#closed = true;
      this.#pending = [];
      this.#release();
      return Promise.reject(signal.reason);
    }
    while (this.#head < this.#pending.length && !this.#ended) {
      const event = this.#pending[this.#head++];
      try {
        const value = this.#valueOf(event);
        if (value !== void 0) return Promise.resolve({ done: false, value });
      } catch (error) {
        this.#fail(error);
      }
    }
    if (!this.#ended && this.#bodyDone) this.#fail(this.#broken("the stream ended before " + endName(this.#rule)));
    if (this.#ended) {
      this.#closed = true;
      return this.#failed ? Promise.reject(this.#failure) : Promise.resolve({ done: true, value: void 0 });
    }
    this.#filling = this.#fill();
    return this.#filling;
  }
  return(value) {
    this.#closed = true;
    this.#pending = [];
    this.#release();
    return Promise.resolve({ done: true, value });
  }
  [Symbol.asyncIterator]() {
    return this;
  }
  /** A `next()` that waited for a fill asks again once it is over. */
  #retry = () => this.next();
  // (Timers take at most 2^31 - 1 ms: a longer one would fire at once, again and again.)
  #arm(ms) {
    return setTimeout(this.#checkStall, Math.min(ms, MAX_TIMER_MS));
  }
  #checkStall = () => {
    this.#timer = void 0;
    if (!this.#waiting) return;
    const silence = performance.now() - this.#waitingSince;
    if (silence < this.#timeoutMs) {
      this.#timer = this.#arm(this.#timeoutMs - silence);
      return;
    }
    this.#stalled = true;
    this.#release();
  };
  #release = () => {
    clearTimeout(this.#timer);
    this.#timer = void 0;
    this.#unlisten();
    const opened = this.#opened;
    if (!opened) return;
    opened.release();
    if (this.#released) return;
    this.#released = true;
    if (this.#reader) this.#reader.cancel().catch(ignore);
    else opened.response.body?.cancel().catch(ignore);
  };
  /** A ConnectionError naming the call (method and URL, secrets scrubbed) once the head has come. */
  #broken(problem, init = {}) {
    return this.#opened ? this.#opened.toConnectionError(problem, init) : new ConnectionError(problem, init);
  }
  /** Records how the stream ended badly; it is thrown once the events before it have been handed out. */
  #fail(error) {
    if (this.#signal?.aborted) error = this.#signal.reason;
    else if (this.#stalled && this.#opened) error = this.#opened.toTimeoutError(this.#timeoutMs);
    else if (!(error instanceof OpenAISwitchError)) error = this.#broken("the stream broke", { cause: error });
    this.#ended = true;
    this.#failed = true;
    this.#failure = error;
    this.#release();
  }
  /**
   * The value an event stands for, checked by the rule: undefined for an event passed over or for the end that is
   * not yielded; throws the error an event carries.
   */
  #valueOf({ data, event }) {
    const { doneData, ignoredData, errorEvent, errorKey } = this.#rule;
    if (data === doneData) {
      this.#end();
      return void 0;
    }
    if (data === ignoredData) return void 0;
    const named = event !== void 0 && event === errorEvent;
    const value = named ? parseOrKeep(data) : JSON.parse(data);
    if (!isObject(value)) {
      if (named) throw carriedError(this.#opened, value, [], data);
      throw this.#broken("the stream sent an event that is not a JSON object: " + data.slice(0, 100));
    }
    const { type } = value;
    const kind = typeof type == "string" ? this.#kinds.get(type) : void 0;
    if (kind?.failureAt) throw carriedError(this.#opened, value, kind.failureAt, data);
    if (errorKey !== void 0 && isObject(value[errorKey])) throw carriedError(this.#opened, value, [errorKey], data);
    if (named) throw carriedError(this.#opened, value, [], data);
    if (kind?.ends) this.#end();
    return value;
  }
  /** The end came: nothing after it is handed out, and the connection goes (the body may still be open). */
  #end() {
    this.#ended = true;
    this.#pending = [];
    this.#release();
  }
  async #start() {
    const signal = this.#signal;
    signal?.throwIfAborted();
    const opened = await this.#open();
    this.#opened = opened;
    const { response } = opened;
    if (this.#closed) return this.#release();
    signal?.throwIfAborted();
    if (response.headers.get("content-type")?.includes("application/json")) {
      this.#released = true;
      throw await notStreamedError(opened, response);
    }
    if (!response.body) throw this.#broken("the response has no body", { status: response.status, body: "" });
    this.#reader = response.body.getReader();
    if (signal) this.#unlisten = onAbort(signal, this.#release);
  }
  async #readOnce(source) {
    this.#waiting = true;
    this.#waitingSince = performance.now();
    this.#timer ??= this.#arm(this.#timeoutMs);
    let chunk;
    try {
      chunk = await source.read();
    } finally {
      this.#waiting = false;
    }
    if (this.#closed) return;
    if (this.#stalled || this.#signal?.aborted) throw new ConnectionError("cancelled");
    const text = chunk.done ? this.#decoder.decode() : this.#decoder.decode(chunk.value, STREAMING2);
    this.#pending = this.#parser.feed(text, chunk.done);
    this.#head = 0;
    if (chunk.done) {
      this.#bodyDone = true;
      this.#released = true;
      this.#release();
    }
  }
  /** Reads until there is an event to hand out or the stream is over, then answers the `next()` that waited. */
  async #fill() {
    try {
      if (!this.#opened) await this.#start();
      while (this.#head == this.#pending.length && !this.#bodyDone && !this.#closed) {
        await this.#readOnce(this.#reader);
      }
    } catch (error) {
      this.#fail(error);
    }
    this.#filling = void 0;
    return this.next();
  }
};

// src/operations.ts
var RESPONSES_SINCE = "2025-03-01-preview";
var OPERATIONS = {
  chat: {
    method: "POST",
    path: "chat/completions",
    deployment: "path",
    since: "2023-03-15-preview",
    v1: true,
    returns: "choices"
  },
  completions: {
    method: "POST",
    path: "completions",
    deployment: "path",
    since: "2022-12-01",
    v1: false,
    returns: "choices"
  },
  embeddings: {
    method: "POST",
    path: "embeddings",
    deployment: "path",
    since: "2022-12-01",
    v1: true,
    returns: "data"
  },
  "responses.create": {
    method: "POST",
    path: "responses",
    deployment: "body",
    since: RESPONSES_SINCE,
    v1: true,
    returns: "output"
  },
  "responses.retrieve": {
    method: "GET",
    path: "responses/{id}",
    deployment: "none",
    since: RESPONSES_SINCE,
    v1: true,
    returns: "output"
  },
  /** Retrieve as a stream: a background response, resumed with `stream=true&starting_after=N`. */
  "responses.resume": {
    method: "GET",
    path: "responses/{id}",
    deployment: "none",
    since: RESPONSES_SINCE,
    v1: true,
    events: true
  },
  "responses.cancel": {
    method: "POST",
    path: "responses/{id}/cancel",
    deployment: "none",
    since: RESPONSES_SINCE,
    v1: true,
    returns: "output"
  },
  "responses.delete": {
    method: "DELETE",
    path: "responses/{id}",
    deployment: "none",
    since: RESPONSES_SINCE,
    v1: true
  },
  "responses.inputItems": {
    method: "GET",
    path: "responses/{id}/input_items",
    deployment: "none",
    since: RESPONSES_SINCE,
    v1: true,
    returns: "data"
  }
};

// src/secrets.ts
var MIN_SECRET_LENGTH = 8;
var REDACTED = "[redacted]";
var isSecretName = (name) => /auth|cookie|key|token|secret|password|sig/i.test(name);
var USERINFO_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi;
var escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
function echoPattern(secret) {
  let source = "";
  for (const char of secret) {
    const code = char.codePointAt(0) ?? 0;
    const forms = [escapeRegExp(char), "\\\\" + escapeRegExp(char)];
    if (code < 65536) forms.push("\\\\u" + code.toString(16).padStart(4, "0"));
    if (code < 128) forms.push("%" + code.toString(16).padStart(2, "0"));
    source += "(?:" + forms.join("|") + ")";
  }
  return new RegExp(source, "gi");
}
var worthScrubbing = (values) => values.filter((value) => typeof value == "string" && value.length >= MIN_SECRET_LENGTH);
function headerSecrets(headers) {
  const found = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name)) continue;
    found.push(value);
    const credential = /^\w+ +(\S+)$/.exec(value)?.[1];
    if (credential) found.push(credential);
  }
  return found;
}
function createSecretStore(secrets) {
  const fixed = worthScrubbing(secrets).map(echoPattern);
  return {
    scrubber(attemptSecrets = []) {
      let patterns;
      return createScrubber(() => {
        if (!patterns) patterns = [...fixed, ...worthScrubbing(attemptSecrets).map(echoPattern)];
        return patterns;
      });
    }
  };
}
var isPlainObject = (value) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
var ERROR_CLASSES = [TypeError, SyntaxError, RangeError];
var MAX_DEPTH = 8;
var TOO_DEEP = "[not shown: nested too deep, or unreadable]";
function createScrubber(patterns) {
  let replaced = false;
  const text = (input) => {
    let output = input.replace(USERINFO_PASSWORD, "$1" + REDACTED + "@");
    for (const pattern of patterns()) output = output.replace(pattern, REDACTED);
    if (output !== input) replaced = true;
    return output;
  };
  const headers = (input) => {
    const output = new Headers();
    try {
      for (const [name, value2] of input) output.append(name, text(value2));
    } catch {
    }
    return output;
  };
  const safely = (scrub, fallback) => {
    try {
      return scrub();
    } catch {
      replaced = true;
      return fallback;
    }
  };
  const error = (input, depth) => {
    const outer = replaced;
    replaced = false;
    const name = safely(() => text(String(input.name)), "Error");
    const message = safely(() => text(String(input.message)), "");
    const stack = safely(() => input.stack === void 0 ? void 0 : text(input.stack), void 0);
    const fields = safely(() => value({ ...input }, depth + 1), {});
    const cause = safely(() => value(input.cause, depth + 1), TOO_DEEP);
    const changed = replaced;
    replaced = outer || changed;
    if (!changed) return input;
    const Class = ERROR_CLASSES.find((type) => input instanceof type) ?? Error;
    const copy = new Class(message, "cause" in input ? { cause } : void 0);
    Object.assign(copy, fields);
    const writable = (value2) => ({ value: value2, writable: true, configurable: true });
    if (copy.name !== name) Object.defineProperty(copy, "name", writable(name));
    Object.defineProperty(copy, "stack", writable(stack));
    return copy;
  };
  const value = (input, depth = 0) => {
    if (typeof input == "string") return text(input);
    if (input === null || typeof input != "object") return input;
    if (depth > MAX_DEPTH) {
      replaced = true;
      return TOO_DEEP;
    }
    if (input instanceof Error) return error(input, depth);
    if (input instanceof Headers) return headers(input);
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1));
    if (!isPlainObject(input)) return input;
    const output = {};
    for (const [key, item] of Object.entries(input)) output[key] = value(item, depth + 1);
    return output;
  };
  const url = (input) => {
    const redacted = input.replace(
      /([?&])([^=&#]*)=([^&#]*)/g,
      (whole, separator, name) => isSecretName(name) ? separator + name + "=" + REDACTED : whole
    );
    return text(redacted);
  };
  return { text, value: (input) => value(input), headers, url };
}

// src/providers.ts
var AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";
function parseRoot(url, what) {
  const text = typeof url == "string" ? url.trim() : "";
  let parsed;
  try {
    parsed = new URL(text);
  } catch {
  }
  const sound = /^https?:\/\/[^/]/i.test(text) && parsed?.hostname && !/[\s#]/.test(text);
  const message = what + " must be an http(s) URL with a host, no spaces, user or #fragment";
  check(sound && !parsed?.username && !parsed?.password, message);
  const { search, origin, pathname } = parsed;
  const query = new URLSearchParams(search);
  const secrets = [];
  for (const [name, value] of query) if (isSecretName(name)) secrets.push(value);
  return { root: origin + pathname.replace(/\/+$/, ""), query, secrets };
}
var segment = (id, what) => {
  check(typeof id == "string" && !/^\.{0,2}$/.test(id), `bad ${what}: ${JSON.stringify(id)}`);
  return encodeURIComponent(id);
};
var withQuery = (url, base, extra, where) => {
  const query = new URLSearchParams(base);
  for (const [name, value] of Object.entries({ ...extra, ...where?.query })) {
    query.delete(name);
    for (const item of [value ?? []].flat()) query.append(name, String(item));
  }
  const search = query.toString();
  return search ? url + "?" + search : url;
};
function bodyOf(request) {
  check(request !== null && typeof request == "object" && !Array.isArray(request), "the request must be an object");
  const { deployment, extra_body, ...fields } = request;
  return { ...extra_body, ...fields };
}
function datedAtLeast(version, since) {
  const day = version.slice(0, 10);
  const sinceDay = since.slice(0, 10);
  if (day != sinceDay) return day > sinceDay;
  return !version.endsWith("-preview") || since.endsWith("-preview");
}
var keyOf = (config) => config.apiKey === void 0 ? void 0 : headerValue(config.apiKey, "apiKey");
function resolveProvider(config) {
  if (config?.provider == "openai") return openai(config);
  check(config?.provider == "azure", 'provider must be "openai" or "azure"');
  return azure(config);
}
function openai(config) {
  const { root, query, secrets } = parseRoot(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
  const apiKey = keyOf(config);
  const headers = apiKey ? { authorization: "Bearer " + apiKey } : {};
  if (config.organization) headers["openai-organization"] = headerValue(config.organization, "organization");
  if (config.project) headers["openai-project"] = headerValue(config.project, "project");
  return {
    name: "openai",
    headers,
    secrets: apiKey ? [apiKey, ...secrets] : secrets,
    target(operation, request, where) {
      const { path, deployment } = OPERATIONS[operation];
      const url = withQuery(root + "/" + path.replace("{id}", () => segment(where?.id, "id")), query, {}, where);
      if (deployment == "none") return { url };
      const body = bodyOf(request);
      check(body.model && typeof body.model == "string", "model is required");
      return { url, body };
    }
  };
}
function azure(config) {
  const endpoint = parseRoot(config.endpoint, "azure endpoint");
  const resource = endpoint.root.replace(/\/openai(?:\/v1)?$/i, "");
  const version = config.apiVersion;
  const v1 = version == "v1";
  check(v1 || /^\d{4}-\d\d-\d\d(-preview)?$/.test(version), 'apiVersion must be like "2024-10-21" or "v1"');
  const apiKey = keyOf(config);
  const deployments = config.deployments ?? {};
  const deploymentOf = (request) => {
    const model = request.model;
    if (request.deployment !== void 0) return request.deployment;
    return typeof model == "string" && Object.hasOwn(deployments, model) ? deployments[model] : model;
  };
  return {
    name: "azure",
    headers: apiKey ? { "api-key": apiKey } : {},
    secrets: apiKey ? [apiKey, ...endpoint.secrets] : endpoint.secrets,
    target(operation, request, where) {
      const { path, deployment, since, v1: onV1 } = OPERATIONS[operation];
      if (v1) check(onV1, `${operation} is not on Azure's v1 API: use a dated apiVersion (${since} or later)`);
      else check(since && datedAtLeast(version, since), `${operation} needs apiVersion ${since} or later, or "v1"`);
      const filled = path.replace("{id}", () => segment(where?.id, "id"));
      const api = resource + (v1 ? "/openai/v1/" : "/openai/");
      const versionQuery = { "api-version": v1 ? void 0 : version };
      const urlOf = (route) => withQuery(api + route, endpoint.query, versionQuery, where);
      if (deployment == "none") return { url: urlOf(filled) };
      const fields = bodyOf(request);
      const name = deploymentOf(request);
      check(name !== void 0 && name !== "", "model is required");
      const encoded = segment(name, "deployment name");
      if (deployment == "path" && !v1) {
        return { url: urlOf("deployments/" + encoded + "/" + filled), body: fields, deployment: name };
      }
      return { url: urlOf(filled), body: { ...fields, model: name }, deployment: name };
    },
    inputLimit(status, body) {
      const message = body?.error?.message;
      if (status != 400 || typeof message != "string") return void 0;
      const limit = /too many inputs\b.*\binputs is (\d+)/i.exec(message) ?? /\barray of 1 to (\d+)\b/i.exec(message);
      const count2 = limit ? Number(limit[1]) : 0;
      return count2 >= 1 ? count2 : void 0;
    },
    hint({ status, code, message }, { method, deployment }) {
      const since = /enabled only for api-version (\S+?) and later/i.exec(message)?.[1];
      if (since) return `set apiVersion to ${since} or later, or "v1"`;
      const name = `"${deployment ?? ""}"`;
      if (code == "DeploymentNotFound") {
        return `no deployment ${name} at ${resource}: use the deployment's name, or map the model with deployments`;
      }
      if (status == 404 && /resource not found/i.test(message)) {
        const tried = `the endpoint ${resource}, the deployment ${name} and apiVersion "${version}"`;
        return `${method} found no route: check ${tried}`;
      }
      return void 0;
    }
  };
}

// src/responses.ts
function withOutputText(response) {
  let text = "";
  for (const item of response.output ?? []) {
    if (item.type != "message") continue;
    for (const part of item.content) {
      if (part.type == "output_text") text += part.text;
    }
  }
  return Object.assign(response, { output_text: text });
}
async function collectResponse(events, onEvent) {
  for await (const event of events) {
    onEvent?.(event);
    if (event.type == "response.completed" || event.type == "response.incomplete") {
      return withOutputText(event.response);
    }
  }
  throw new ConnectionError("the stream ended before response.completed or response.incomplete");
}
var optionalInteger = (value, name, min, max) => {
  const ok = value === void 0 || Number.isInteger(value) && value >= min && value <= max;
  check(ok, `${name} must be an integer from ${min} to ${max}`);
};
var includeQuery = (query) => ({ "include[]": query?.include });
function createResponses(calls) {
  const response = async (operation, request, options, where) => {
    const snapshot = await calls.call(operation, request, options, where);
    return withOutputText(snapshot);
  };
  const events = (operation, request, options, where) => {
    calls.validate(operation, request, where);
    const open = () => calls.open(operation, request, options, where);
    return readEvents(open, RESPONSES_END, {
      signal: options?.signal,
      timeoutMs: calls.timeoutMs(options)
    });
  };
  const created = (request) => {
    check(!request?.stream, "stream: true is for responses.stream(), which yields the events");
    return request;
  };
  return {
    // Async, so that a refused request rejects the promise like every other failure.
    create: async (request, options) => response("responses.create", created(request), options),
    stream: (request, options) => events("responses.create", request, options),
    retrieve: (id, query, options) => response("responses.retrieve", void 0, options, { id, query: includeQuery(query) }),
    resume(id, query, options) {
      optionalInteger(query?.starting_after, "starting_after", 0, Number.MAX_SAFE_INTEGER);
      const where = {
        id,
        query: {
          stream: true,
          starting_after: query?.starting_after,
          ...includeQuery(query),
          include_obfuscation: query?.include_obfuscation
        }
      };
      return events("responses.resume", void 0, options, where);
    },
    cancel: (id, options) => response("responses.cancel", void 0, options, { id }),
    async delete(id, options) {
      await calls.call("responses.delete", void 0, options, { id });
    },
    async inputItems(id, query, options) {
      optionalInteger(query?.limit, "limit", 1, 100);
      check(
        query?.order === void 0 || query.order == "asc" || query.order == "desc",
        'order must be "asc" or "desc"'
      );
      const { after, limit, order } = query ?? {};
      const where = { id, query: { after, limit, order, ...includeQuery(query) } };
      return await calls.call("responses.inputItems", void 0, options, where);
    }
  };
}

// src/send.ts
var MAX_TIMEOUT_MS = 2 ** 31 - 1;
function inWords(error, scrub) {
  let inner = error;
  for (let depth = 0; depth < 4 && inner instanceof Error && inner.cause instanceof Error; depth++) inner = inner.cause;
  const code = inner?.code;
  const codeText = typeof code == "string" ? code : "";
  const message = inner instanceof Error ? inner.message || codeText || inner.name : String(inner);
  const line = message.split("\n")[0] ?? "";
  return scrub.text(line.length > 120 ? line.slice(0, 117) + "..." : line);
}
function apiError(settings, scrub, call, init) {
  const { status, headers, body, message, ...fields } = scrub.value(init);
  const hint = settings.provider.hint?.({ status, code: fields.code ?? codeOf(body), message }, call);
  return new ApiError({
    ...fields,
    status,
    provider: settings.provider.name,
    headers,
    body,
    message: hint ? `${message} (${scrub.text(hint)})` : message
  });
}
var codeOf = (body) => {
  const code = body?.error?.code;
  return code == null ? void 0 : String(code);
};
function answerError(settings, scrub, call, response, text, where) {
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
  }
  const serviceMessage = body?.error?.message;
  const status = response.status;
  const fallback = (status < 400 ? "redirect not followed: " : "") + `HTTP ${status} from ${where}`;
  const message = typeof serviceMessage == "string" && serviceMessage ? serviceMessage : fallback;
  return apiError(settings, scrub, call, { status, headers: response.headers, body, message });
}
var TIMED_OUT = /* @__PURE__ */ Symbol("timed out");
var plural = (count2, word) => `${count2} ${word}${count2 == 1 ? "" : "s"}`;
async function send(settings, call, options = {}) {
  const { signal, tally } = options;
  const retries = integer(options.maxRetries, settings.maxRetries, "maxRetries", 0);
  const timeoutMs = integer(options.timeoutMs, settings.timeoutMs, "timeoutMs", 1, MAX_TIMEOUT_MS);
  const callHeaders = headerRecord(options.headers, "headers");
  const callSecrets = headerSecrets(callHeaders);
  const json = call.body === void 0 ? void 0 : JSON.stringify(call.body);
  const accept = call.stream ? "text/event-stream" : "application/json";
  const headers = { ...settings.headers, accept };
  if (json !== void 0) headers["content-type"] = "application/json";
  Object.assign(headers, callHeaders);
  signal?.throwIfAborted();
  for (let attempt = 1; ; attempt++) {
    let token;
    if (settings.tokenProvider) {
      const given = await abortable(Promise.resolve(settings.tokenProvider()), signal);
      check(typeof given == "string" && given.trim(), "tokenProvider gave no token");
      token = headerValue(given, "the token from tokenProvider");
      headers.authorization = "Bearer " + token;
    }
    signal?.throwIfAborted();
    const scrub = settings.secrets.scrubber(token ? [...callSecrets, token] : callSecrets);
    const where = () => `${call.method} ${scrub.url(call.url)}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    const unlink = signal ? onAbort(signal, () => controller.abort(signal.reason)) : () => {
    };
    const timedOut = () => controller.signal.reason === TIMED_OUT;
    let keepLink = false;
    let response;
    let failure;
    if (tally) tally.requests++;
    try {
      response = await (settings.fetch ?? fetch)(call.url, {
        method: call.method,
        headers,
        body: json,
        signal: controller.signal,
        redirect: "manual"
      });
      options.onAnswer?.(response.status, response.headers);
      if (response.ok && call.stream) {
        keepLink = true;
        const opened = response;
        return {
          response: opened,
          toError: (init) => apiError(settings, scrub, call, init),
          toConnectionError: (problem, init = {}) => new ConnectionError(`${where()}: ${problem}`, scrub.value(init)),
          toTimeoutError: (ms) => {
            const message = `${where()}: the stream sent nothing for ${ms} ms (timeoutMs)`;
            return new TimeoutError(message, { timeoutMs: ms, attempts: attempt });
          },
          release: unlink
        };
      }
      const text = response.ok && options.readAnswer ? await options.readAnswer(response) : await response.text();
      if (response.ok) {
        const outcome = parseAnswer(text, call.returns);
        if (outcome.problem === void 0) return outcome.json;
        const cause = outcome.cause === void 0 ? {} : { cause: outcome.cause };
        const message = `${where()}: the ${response.status} answer ${outcome.problem}`;
        failure = new ConnectionError(message, { status: response.status, body: scrub.text(text), ...cause });
      } else {
        failure = answerError(settings, scrub, call, response, text, where());
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const attempts = plural(attempt, "attempt");
      const answer = response?.ok ? `the ${response.status} answer's body` : void 0;
      if (timedOut()) {
        const what = answer ? `reading ${answer}` : "waiting for an answer";
        failure = new TimeoutError(`${where()} timed out ${what}: timeoutMs is ${timeoutMs} (${attempts})`, {
          timeoutMs,
          attempts: attempt
        });
      } else {
        const status2 = response?.ok ? { status: response.status } : {};
        const words = (answer ? answer + " broke: " : "") + inWords(error, scrub);
        const message = `${where()} failed: ${words} (${attempts})`;
        failure = new ConnectionError(message, { cause: scrub.value(error), ...status2 });
      }
    } finally {
      clearTimeout(timer);
      if (!keepLink) unlink();
    }
    if (response?.ok) throw failure;
    const status = response?.status;
    const retryable = !response || isRetryable(response.status, response.headers);
    const rateLimitedNow = status == 429 && options.retryRateLimited === false;
    if (attempt > retries || !retryable || rateLimitedNow) throw failure;
    await sleep(retryDelay(response?.headers, attempt - 1), signal);
  }
}
function parseAnswer(text, returns) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return { problem: "is not JSON", cause };
  }
  if (json === null || typeof json != "object" || Array.isArray(json)) return { problem: "is not a JSON object" };
  const list = returns && json[returns];
  if (returns && !Array.isArray(list)) return { problem: `has no "${returns}" list` };
  return { json };
}

// src/client.ts
function settingsOf(config) {
  const provider = resolveProvider(config);
  const { apiKey, tokenProvider } = config;
  const fromEnv2 = provider.name == "azure" ? "AZURE_OPENAI_API_KEY" : "OPENAI_API_KEY";
  check(!(apiKey && tokenProvider), "give an apiKey or a tokenProvider, not both");
  check(
    apiKey || tokenProvider,
    `give an apiKey or a tokenProvider function (fromEnv reads the key from ${fromEnv2})`
  );
  check(!tokenProvider || typeof tokenProvider == "function", "tokenProvider must be a function");
  const inBrowser = "document" in globalThis;
  const browserMessage = "an apiKey in a browser needs dangerouslyAllowBrowser (anyone can read it)";
  check(!apiKey || config.dangerouslyAllowBrowser || !inBrowser, browserMessage);
  const headers = { ...provider.headers, ...headerRecord(config.headers, "headers") };
  return {
    provider,
    fetch: config.fetch,
    headers,
    tokenProvider,
    maxRetries: integer(config.maxRetries, 2, "maxRetries", 0),
    timeoutMs: integer(config.timeoutMs, 6e5, "timeoutMs", 1, MAX_TIMEOUT_MS),
    secrets: createSecretStore([...provider.secrets, ...headerSecrets(headers)])
  };
}
function createClient(config) {
  const settings = settingsOf(config);
  const { provider } = settings;
  const limits = /* @__PURE__ */ new Map();
  const calls = {
    // Async, so that bad arguments reject the promise like every other failure.
    async call(operation, request, options, where) {
      const { method, returns } = OPERATIONS[operation];
      const { url, body, deployment } = provider.target(operation, request, where);
      return send(settings, { method, url, body, returns, deployment }, options);
    },
    async open(operation, request, options, where) {
      const { method } = OPERATIONS[operation];
      const { url, body, deployment } = provider.target(operation, request, where);
      const streamed = body && { ...body, stream: true };
      return send(settings, { method, url, body: streamed, deployment, stream: true }, options);
    },
    timeoutMs: (options) => integer(options?.timeoutMs, settings.timeoutMs, "timeoutMs", 1, MAX_TIMEOUT_MS),
    validate(operation, request, where) {
      provider.target(operation, request, where);
    }
  };
  const messages = (request) => {
    check(Array.isArray(request?.messages) && request.messages.length, "messages must be a non-empty array");
    return request;
  };
  const notStreamed = (request, instead) => {
    check(!request?.stream, `stream: true is for ${instead}(), which yields the chunks`);
    return request;
  };
  const stream = (operation, request, options) => {
    provider.target(operation, request);
    const open = () => calls.open(operation, request, options);
    return readEvents(open, CHAT_END, { signal: options?.signal, timeoutMs: calls.timeoutMs(options) });
  };
  const embedCall = (request, options) => calls.call("embeddings", request, options);
  return {
    provider: provider.name,
    chat: async (request, options) => calls.call("chat", notStreamed(messages(request), "chatStream"), options),
    complete: async (request, options) => calls.call("completions", notStreamed(request, "completeStream"), options),
    embed: async (request, options) => embed(embedCall, request, options),
    chatStream: (request, options) => stream("chat", messages(request), options),
    completeStream: (request, options) => stream("completions", request, options),
    embedMany(request, options) {
      const { url, body } = provider.target("embeddings", request);
      const key = url + " " + body?.model;
      return embedMany({ call: embedCall, inputLimit: provider.inputLimit, limits, key }, request, options);
    },
    responses: createResponses(calls)
  };
}

// src/collect.ts
var newHead = () => ({ id: "", created: 0, model: "" });
function addHead(head, chunk) {
  if (!head.id && chunk.id) head.id = chunk.id;
  if (!head.created && chunk.created) head.created = chunk.created;
  if (!head.model && chunk.model) head.model = chunk.model;
  if (head.system_fingerprint == null && chunk.system_fingerprint != null) {
    head.system_fingerprint = chunk.system_fingerprint;
  }
  if (head.service_tier == null && chunk.service_tier != null) head.service_tier = chunk.service_tier;
  if (chunk.usage) head.usage = chunk.usage;
  if (chunk.prompt_filter_results) {
    head.prompt_filter_results ??= [];
    head.prompt_filter_results.push(...chunk.prompt_filter_results);
  }
}
function withHead(head, object, result) {
  const { id, created, model, system_fingerprint, service_tier, usage, prompt_filter_results } = head;
  return {
    id,
    object,
    created,
    model,
    ...result,
    ...usage && { usage },
    ...system_fingerprint != null && { system_fingerprint },
    ...service_tier != null && { service_tier },
    ...prompt_filter_results && { prompt_filter_results }
  };
}
function addFilters(choice, results) {
  if (!results) return;
  choice.content_filter_results = { ...choice.content_filter_results, ...results };
}
function appendArrays(into, more) {
  for (const [key, value] of Object.entries(more)) {
    if (!Array.isArray(value)) {
      if (!(key in into)) into[key] = value;
      continue;
    }
    const list = Array.isArray(into[key]) ? into[key] : [];
    for (const item of value) list.push(item);
    into[key] = list;
  }
}
function addLogprobs(current, more) {
  if (typeof more != "object" || more === null) return current;
  const into = typeof current == "object" && current !== null ? current : {};
  appendArrays(into, more);
  return into;
}
var newChoice = (index) => ({
  index,
  message: { role: "assistant", content: null, refusal: null },
  finish_reason: null,
  logprobs: null
});
function addToolCall(calls, delta) {
  const index = typeof delta.index == "number" ? delta.index : delta.id ? calls.length : Math.max(calls.length - 1, 0);
  let call = calls[index];
  if (!call) {
    call = { id: "", type: delta.type ?? "function", function: { name: "", arguments: "" } };
    calls[index] = call;
  }
  if (!call.id && delta.id) call.id = delta.id;
  if (!call.function.name && delta.function?.name) call.function.name = delta.function.name;
  if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
}
async function collectChat(stream, onChunk) {
  const head = newHead();
  const choices = [];
  const toolCalls = [];
  for await (const chunk of stream) {
    onChunk?.(chunk);
    addHead(head, chunk);
    for (const part of chunk.choices ?? []) {
      const choice = choices[part.index] ?? newChoice(part.index);
      choices[part.index] = choice;
      const { message } = choice;
      const delta = part.delta ?? {};
      if (delta.role) message.role = delta.role;
      if (typeof delta.content == "string") message.content = (message.content ?? "") + delta.content;
      if (typeof delta.refusal == "string") message.refusal = (message.refusal ?? "") + delta.refusal;
      if (delta.tool_calls) {
        const calls = toolCalls[part.index] ?? [];
        toolCalls[part.index] = calls;
        for (const call of delta.tool_calls) addToolCall(calls, call);
      }
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      choice.logprobs = addLogprobs(choice.logprobs, part.logprobs);
      addFilters(choice, part.content_filter_results);
    }
  }
  for (const [index, calls] of toolCalls.entries()) {
    const choice = calls && choices[index];
    if (choice) choice.message.tool_calls = calls.filter(Boolean);
  }
  return withHead(head, "chat.completion", { choices: choices.filter(Boolean) });
}
async function collectCompletion(stream, onChunk) {
  const head = newHead();
  const choices = [];
  for await (const chunk of stream) {
    onChunk?.(chunk);
    addHead(head, chunk);
    for (const part of chunk.choices ?? []) {
      let choice = choices[part.index];
      if (!choice) {
        choice = { text: "", index: part.index, finish_reason: null, logprobs: null };
        choices[part.index] = choice;
      }
      if (typeof part.text == "string") choice.text += part.text;
      if (part.finish_reason) choice.finish_reason = part.finish_reason;
      choice.logprobs = addLogprobs(choice.logprobs, part.logprobs);
      addFilters(choice, part.content_filter_results);
    }
  }
  return withHead(head, "text_completion", { choices: choices.filter(Boolean) });
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
    const isToken = !endpoint && type != "azure";
    const token = isToken ? key : endpoint && !key ? get("AZURE_OPENAI_AD_TOKEN") : void 0;
    const config = {
      provider: "azure",
      endpoint: endpoint ?? get("OPENAI_API_BASE") ?? "",
      apiVersion: get("OPENAI_API_VERSION") ?? get("AZURE_OPENAI_API_VERSION") ?? DEFAULT_AZURE_API_VERSION,
      ...isToken ? {} : { apiKey: key },
      ...token ? { tokenProvider: () => token } : {}
    };
    check(config.endpoint, "OPENAI_API_TYPE=" + type + " needs OPENAI_API_BASE");
    return config;
  }
  const names = "OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY), or OPENAI_API_TYPE=azure + OPENAI_API_BASE";
  check(key, "set " + names);
  return {
    provider: "openai",
    apiKey: key,
    baseURL: get("OPENAI_BASE_URL"),
    organization: get("OPENAI_ORG_ID") ?? get("OPENAI_ORGANIZATION"),
    project: get("OPENAI_PROJECT_ID")
  };
}
export {
  AZURE_SCOPE,
  ApiError,
  ConfigError,
  ConnectionError,
  OpenAISwitchError,
  TimeoutError,
  collectChat,
  collectCompletion,
  collectResponse,
  createClient,
  createSSEParser,
  fromEnv,
  parseSSE
};
