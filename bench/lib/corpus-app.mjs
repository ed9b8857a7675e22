// The bench's embeddings server for corpus-scale figures (issue 14): OpenAI's per-request token cap, Azure's
// input limits and a sliding-window request limiter with Azure's 429 headers, and vectors that say which input
// they belong to. Written for the bench (not the emulator) so that it costs the server almost nothing per vector:
// one vector is built once; each answer copies it with element 0 set to the input's number ("#123 …" → 123).
//
// Options (per app): { maxTokensPerRequest?, maxInputs?: { [deployment]: n }, requestsPerMinute?, windowMs = 1000,
//   latencyMs = 0, msPerThousandTokens = 0, dimensions = 1536 }
// Tokens are estimated as ceil(characters / 4) per input, as the emulator does.
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

const tooManyInputs = (max) =>
  `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;

export function corpusApp(options = {}) {
  const { maxTokensPerRequest, maxInputs = {}, requestsPerMinute, windowMs = 1000, latencyMs = 0, msPerThousandTokens = 0, dimensions = 1536 } = options;
  const answerBytes = template(dimensions);
  // Azure evaluates a per-minute rate over short windows (1 or 10 s): this many requests per `windowMs`.
  const perWindow = requestsPerMinute ? Math.max(1, Math.round((requestsPerMinute * windowMs) / 60_000)) : Infinity;
  const accepted = []; // arrival times of the requests the limiter let through, oldest first
  let stats;
  const reset = () => {
    stats = { requests: 0, inFlight: 0, maxInFlight: 0, byStatus: {}, tokenCapRefusals: 0, inputLimitRefusals: 0, rateLimited: 0, inputsEmbedded: 0, firstAt: 0, lastAt: 0 };
    accepted.length = 0;
  };
  reset();

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

    const now = performance.now();
    while (accepted.length && accepted[0] <= now - windowMs) accepted.shift();
    if (azure && accepted.length >= perWindow) {
      stats.rateLimited++;
      const waitMs = Math.max(1, Math.ceil(accepted[0] + windowMs - now));
      const seconds = Math.ceil(waitMs / 1000);
      const message = `Requests to the Embeddings_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after ${seconds} second${seconds == 1 ? "" : "s"}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`;
      return send(res, 429, { error: { code: "429", message } }, { ...base, "retry-after-ms": String(waitMs), "retry-after": String(seconds), "x-ratelimit-remaining-requests": "0" });
    }
    accepted.push(now);
    const rateHeaders = azure && perWindow != Infinity ? { ...base, "x-ratelimit-remaining-requests": String(perWindow - accepted.length) } : base;

    const inputs = typeof body.input == "string" ? [body.input] : body.input;
    if (!Array.isArray(inputs) || !inputs.length || inputs.length > MAX_INPUTS || inputs.some((t) => typeof t != "string" || !t)) {
      return send(res, 400, { error: { message: "'input' must be a string or an array of 1 to 2048 strings", type: "invalid_request_error", param: "input", code: null } }, rateHeaders);
    }
    const limit = maxInputs[deployment] ?? MAX_INPUTS;
    if (inputs.length > limit) {
      stats.inputLimitRefusals++;
      return send(res, 400, { error: { code: null, message: tooManyInputs(limit), param: null, type: "invalid_request_error" } }, rateHeaders);
    }
    let tokens = 0;
    for (const text of inputs) tokens += tokensOf(text);
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
