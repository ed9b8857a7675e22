// The bench's embeddings server for corpus-scale figures (issue 14): OpenAI's per-request token cap, Azure's
// input limits and a sliding-window request limiter with Azure's 429 headers, and vectors that say which input
// they belong to. Written for the bench (not the emulator) so that it costs the server almost nothing per vector:
// one vector is built once; each answer copies it with element 0 set to the input's number ("#123 …" → 123).
//
// Options (per app): { maxTokensPerRequest?, maxInputs?: { [deployment]: n }, requestsPerMinute?, tokensPerMinute?,
//   windowMs = 1000, latencyMs = 0, msPerThousandTokens = 0, dimensions = 1536 }
// Tokens are estimated as ceil(characters / 4) per input, as the emulator does.
//
// Rate limits, as each service reports them on every answer (SERVICE-FACTS.md, "rate-limit headers"):
// - Azure: requests over a sliding `windowMs` window (requestsPerMinute × windowMs / 60 000 of them: Azure evaluates
//   a per-minute rate over 1 or 10 s), tokens over a sliding minute (tokensPerMinute, by default Azure's 1000 per
//   6 requests a minute); only `x-ratelimit-remaining-requests|tokens` are sent, and a 429 adds `retry-after-ms`
//   and `retry-after`. Limits apply only when requestsPerMinute is set.
// - OpenAI: a bucket per limit that refills continuously (requestsPerMinute and tokensPerMinute default to a high
//   tier's 10 000 and 10 000 000, so they bind only when a scenario lowers them); `x-ratelimit-limit|remaining|
//   reset-requests|tokens`, the reset being the time until the bucket is full again (`12ms`, `1.5s`, `6m0s`).
//
// Routes (POST): /v1/embeddings (OpenAI), /openai/deployments/{d}/embeddings?api-version=… and /openai/v1/embeddings
// (Azure, deployment = `model`). Answers base64 when asked (`encoding_format: "base64"`), else JSON floats.

const MAX_INPUTS = 2048;
const ID = /^#(\d+) /;

/**
 * A deterministic unit-length vector, and the bytes of an embeddings answer built from it: every vector is a
 * copy with element 0 replaced, so an answer is a few memory copies however many vectors it has.
 */
function template(dimensions) {
  const v = new Float32Array(dimensions);
  let seed = 12345;
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    v[i] = seed / 2 ** 31 - 0.5;
    norm += v[i] * v[i];
  }
  for (let i = 0; i < dimensions; i++) v[i] /= Math.sqrt(norm);
  const bytes = Buffer.from(v.buffer);
  // Element 0 is bytes 0–3; base64 characters 0–7 encode bytes 0–5, the rest of the text never changes.
  const base64Tail = Buffer.from(bytes.toString("base64").slice(8) + '"}');
  const floatsTail = Buffer.from("," + Array.from(v.subarray(1), (x) => x.toPrecision(9)).join(",") + "]}");
  const base64Head = (id) => {
    const head = Buffer.alloc(6);
    head.writeFloatLE(id, 0);
    bytes.copy(head, 4, 4, 6);
    return head.toString("base64");
  };
  /** The whole JSON answer for vectors `ids`, as one Buffer. */
  return (ids, base64, model, tokens) => {
    const tail = base64 ? base64Tail : floatsTail;
    const heads = ids.map((id, index) => `${index ? "," : ""}{"object":"embedding","index":${index},"embedding":${base64 ? `"${base64Head(id)}` : `[${id}`}`);
    const open = '{"object":"list","data":[';
    const close = `],"model":${JSON.stringify(model)},"usage":{"prompt_tokens":${tokens},"total_tokens":${tokens}}}`;
    let length = open.length + close.length + ids.length * tail.length;
    for (const head of heads) length += head.length;
    const out = Buffer.allocUnsafe(length);
    let at = out.write(open, 0, "latin1");
    for (const head of heads) {
      at += out.write(head, at, "latin1");
      at += tail.copy(out, at);
    }
    at += out.write(close, at, "utf8");
    return out.subarray(0, at);
  };
}

const tokensOf = (text) => Math.ceil(text.length / 4);

const azureHeaders = { "apim-request-id": "00000000-0000-4000-8000-000000000001", "x-request-id": "00000000-0000-4000-9000-000000000001", "x-ms-region": "East US" };
const openaiHeaders = { "x-request-id": "req_bench0001", "openai-processing-ms": "1", "openai-version": "2020-10-01" };

/** A Go duration as OpenAI writes `x-ratelimit-reset-*`: `12ms`, `1.5s`, `6m0s`. */
const goDuration = (ms) => {
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 100) / 10;
  return minutes ? `${minutes}m${seconds}s` : `${seconds}s`;
};

/** OpenAI's kind of limit: a bucket of `limit` that refills at `limit` a minute. */
function bucket(limit) {
  let level = limit;
  let at = performance.now();
  const refill = (now) => {
    level = Math.min(limit, level + ((now - at) * limit) / 60_000);
    at = now;
  };
  return {
    /** Takes `amount` if the bucket has it; returns whether it did. */
    take(amount, now) {
      refill(now);
      if (level < amount) return false;
      level -= amount;
      return true;
    },
    /** Gives back what the last `take` took (a request refused on its other limit uses neither). */
    untake(amount) {
      level = Math.min(limit, level + amount);
    },
    /** ms until `amount` is in the bucket again. */
    waitFor(amount) {
      return Math.max(0, ((amount - level) * 60_000) / limit);
    },
    headers(kind) {
      const remaining = Math.max(0, Math.floor(level));
      return { [`x-ratelimit-limit-${kind}`]: String(limit), [`x-ratelimit-remaining-${kind}`]: String(remaining), [`x-ratelimit-reset-${kind}`]: goDuration(((limit - level) * 60_000) / limit) };
    },
    reset() {
      level = limit;
      at = performance.now();
    },
  };
}

/** Azure's kind of limit: at most `limit` units over a sliding `windowMs`. */
function slidingWindow(limit, windowMs) {
  const uses = []; // [arrival time, amount], oldest first
  let used = 0;
  const expire = (now) => {
    while (uses.length && uses[0][0] <= now - windowMs) used -= uses.shift()[1];
  };
  return {
    take(amount, now) {
      expire(now);
      if (used + amount > limit) return false;
      uses.push([now, amount]);
      used += amount;
      return true;
    },
    /** Gives back the last use (a request refused on its other limit uses neither). */
    untake() {
      used -= uses.pop()[1];
    },
    /** ms until `amount` more fits (the oldest uses leave the window first). */
    waitFor(amount, now) {
      let freed = limit - used;
      for (const [at, n] of uses) {
        freed += n;
        if (freed >= amount) return Math.max(1, Math.ceil(at + windowMs - now));
      }
      return windowMs;
    },
    remaining: () => Math.max(0, limit - used),
    reset() {
      uses.length = 0;
      used = 0;
    },
  };
}

const tooManyInputs = (max) =>
  `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;

export function corpusApp(options = {}) {
  const { maxTokensPerRequest, maxInputs = {}, requestsPerMinute, tokensPerMinute, windowMs = 1000, latencyMs = 0, msPerThousandTokens = 0, dimensions = 1536 } = options;
  const answerBytes = template(dimensions);
  // Azure evaluates a per-minute rate over short windows (1 or 10 s): this many requests per `windowMs`.
  const perWindow = requestsPerMinute ? Math.max(1, Math.round((requestsPerMinute * windowMs) / 60_000)) : Infinity;
  const azureLimits = requestsPerMinute && {
    requests: slidingWindow(perWindow, windowMs),
    tokens: slidingWindow(tokensPerMinute ?? Math.round((requestsPerMinute * 1000) / 6), 60_000),
  };
  const openaiLimits = { requests: bucket(requestsPerMinute ?? 10_000), tokens: bucket(tokensPerMinute ?? 10_000_000) };
  let stats;
  const reset = () => {
    stats = { requests: 0, inFlight: 0, maxInFlight: 0, byStatus: {}, tokenCapRefusals: 0, inputLimitRefusals: 0, rateLimited: 0, inputsEmbedded: 0, firstAt: 0, lastAt: 0 };
    for (const limit of [...Object.values(azureLimits || {}), ...Object.values(openaiLimits)]) limit.reset();
  };
  reset();

  /**
   * Admits a request of `tokens` under the service's rate limits: the headers of its answer, or the 429 to send.
   * Each service counts a request it answers with a 400 too.
   */
  const admit = (azure, tokens, now) => {
    if (azure) {
      if (!azureLimits) return { headers: {} };
      const { requests, tokens: tokenWindow } = azureLimits;
      const requestsFit = requests.take(1, now);
      const tokensFit = requestsFit && tokenWindow.take(tokens, now);
      if (requestsFit && !tokensFit) requests.untake(1);
      const headers = { "x-ratelimit-remaining-requests": String(requests.remaining()), "x-ratelimit-remaining-tokens": String(tokenWindow.remaining()) };
      if (requestsFit && tokensFit) return { headers };
      const waitMs = requestsFit ? tokenWindow.waitFor(tokens, now) : requests.waitFor(1, now);
      const seconds = Math.ceil(waitMs / 1000);
      const limitName = requestsFit ? "token rate limit" : "call rate limit";
      const message = `Requests to the Embeddings_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded ${limitName} of your current OpenAI S0 pricing tier. Please retry after ${seconds} second${seconds == 1 ? "" : "s"}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`;
      return { refused: { error: { code: "429", message } }, headers: { ...headers, "retry-after-ms": String(waitMs), "retry-after": String(seconds) } };
    }
    const { requests, tokens: tokenBucket } = openaiLimits;
    const requestsFit = requests.take(1, now);
    const tokensFit = requestsFit && tokenBucket.take(tokens, now);
    if (requestsFit && !tokensFit) requests.untake(1);
    const headers = { ...requests.headers("requests"), ...tokenBucket.headers("tokens") };
    if (requestsFit && tokensFit) return { headers };
    const waitMs = requestsFit ? tokenBucket.waitFor(tokens) : requests.waitFor(1);
    const per = requestsFit ? "tokens per min (TPM)" : "requests per min (RPM)";
    const message = `Rate limit reached for text-embedding-3-small in organization org-bench on ${per}: Please try again in ${goDuration(waitMs)}. Visit https://platform.openai.com/account/rate-limits to learn more.`;
    return { refused: { error: { message, type: requestsFit ? "tokens" : "requests", param: null, code: "rate_limit_exceeded" } }, headers };
  };

  const send = (res, status, body, headers) => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body == "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };

  const answer = async (req, res, url) => {
    const path = url.pathname;
    const azure = path.startsWith("/openai/");
    const base = azure ? azureHeaders : openaiHeaders;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const m = /^\/openai\/deployments\/([^/]+)\/embeddings$/.exec(path);
    if (!m && path != "/v1/embeddings" && path != "/openai/v1/embeddings") return send(res, 404, { error: { code: "404", message: "Resource not found" } }, base);
    const deployment = m ? decodeURIComponent(m[1]) : body.model;

    const inputs = typeof body.input == "string" ? [body.input] : body.input;
    let tokens = 0;
    for (const text of Array.isArray(inputs) ? inputs : []) tokens += typeof text == "string" ? tokensOf(text) : 0;
    const admitted = admit(azure, tokens, performance.now());
    const rateHeaders = { ...base, ...admitted.headers };
    if (admitted.refused) {
      stats.rateLimited++;
      return send(res, 429, admitted.refused, rateHeaders);
    }

    if (!Array.isArray(inputs) || !inputs.length || inputs.length > MAX_INPUTS || inputs.some((t) => typeof t != "string" || !t)) {
      return send(res, 400, { error: { message: "'input' must be a string or an array of 1 to 2048 strings", type: "invalid_request_error", param: "input", code: null } }, rateHeaders);
    }
    const limit = maxInputs[deployment] ?? MAX_INPUTS;
    if (inputs.length > limit) {
      stats.inputLimitRefusals++;
      return send(res, 400, { error: { code: null, message: tooManyInputs(limit), param: null, type: "invalid_request_error" } }, rateHeaders);
    }
    if (maxTokensPerRequest && tokens > maxTokensPerRequest) {
      stats.tokenCapRefusals++;
      // The service's exact body (SERVICE-FACTS.md, "Embeddings at corpus scale").
      return send(res, 400, { error: { message: `Requested ${tokens} tokens, max ${maxTokensPerRequest} tokens per request`, type: "max_tokens_per_request", param: null, code: "max_tokens_per_request" } }, rateHeaders);
    }
    const wait = latencyMs + (tokens * msPerThousandTokens) / 1000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const ids = inputs.map((text) => +(ID.exec(text)?.[1] ?? -1));
    stats.inputsEmbedded += inputs.length;
    send(res, 200, answerBytes(ids, body.encoding_format == "base64", body.model ?? deployment, tokens), rateHeaders);
  };

  return {
    stats: () => ({ ...stats, wallMs: stats.lastAt - stats.firstAt }),
    reset,
    async handle(req, res, url) {
      stats.requests++;
      if (!stats.firstAt) stats.firstAt = performance.now();
      stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
      try {
        await answer(req, res, url);
      } finally {
        stats.inFlight--;
        stats.lastAt = performance.now();
      }
    },
  };
}
