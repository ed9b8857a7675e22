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
var SAFE = { filtered: false, severity: "safe" };
var PASSED_FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };
var PROMPT_FILTERS = [{ prompt_index: 0, content_filter_results: { ...PASSED_FILTERS, jailbreak: { filtered: false, detected: false } } }];
var WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit"];
var textOf = (content) => typeof content == "string" ? content : Array.isArray(content) ? content.map((p) => p?.text ?? "").join(" ") : "";
function replyTokens(prompt, body, fixed) {
  let tokens;
  if (fixed) {
    tokens = Array.from({ length: fixed }, (_, i) => (i ? " " : "") + WORDS[i % WORDS.length]);
  } else {
    tokens = ("You said: " + prompt).split(/(?=\s)/);
  }
  const max = body.max_completion_tokens ?? body.max_tokens;
  if (max && tokens.length > max) return { tokens: tokens.slice(0, max), finish: "length" };
  return { tokens, finish: "stop" };
}
function promptOf(body) {
  if (Array.isArray(body.messages)) {
    const user = body.messages.filter((m) => m?.role == "user").pop();
    return textOf(user?.content);
  }
  return Array.isArray(body.prompt) ? body.prompt.join(" ") : String(body.prompt ?? "");
}
var promptTokens = (body) => Array.isArray(body.messages) ? body.messages.reduce((n, m) => n + 4 + countTokens(textOf(m?.content)), 3) : countTokens(promptOf(body));
var head = (s, object) => ({ id: s.id, object, created: s.created, model: s.model });
var choice = (s, text, finish, delta) => {
  const base = { index: 0, finish_reason: finish, logprobs: null };
  if (s.chat) {
    if (delta) base.delta = text === void 0 ? {} : { content: text };
    else base.message = { role: "assistant", content: text, refusal: null };
  } else base.text = text ?? "";
  if (s.flavor == "azure" && text !== void 0) base.content_filter_results = PASSED_FILTERS;
  return base;
};
function completion(s, body, fixed) {
  const { tokens, finish } = replyTokens(promptOf(body), body, fixed);
  const prompt_tokens = promptTokens(body);
  const reply = {
    ...head(s, s.chat ? "chat.completion" : "text_completion"),
    choices: [choice(s, tokens.join(""), finish, false)],
    usage: { prompt_tokens, completion_tokens: tokens.length, total_tokens: prompt_tokens + tokens.length },
    system_fingerprint: "fp_emulator"
  };
  if (s.flavor == "azure") reply.prompt_filter_results = PROMPT_FILTERS;
  return reply;
}
function* streamEvents(s, body, fixed) {
  const { tokens, finish } = replyTokens(promptOf(body), body, fixed);
  const object = s.chat ? "chat.completion.chunk" : "text_completion";
  const usage = body.stream_options?.include_usage;
  const chunk = (choices, extra) => JSON.stringify({ ...head(s, object), choices, system_fingerprint: "fp_emulator", ...usage ? { usage: null } : {}, ...extra });
  if (s.flavor == "azure") yield JSON.stringify({ choices: [], created: 0, id: "", model: "", object: "", prompt_filter_results: PROMPT_FILTERS });
  if (s.chat) yield chunk([{ index: 0, delta: { role: "assistant", content: "", refusal: null }, finish_reason: null, logprobs: null }]);
  for (const token of tokens) yield chunk([choice(s, token, null, true)]);
  yield chunk([choice(s, void 0, finish, true)]);
  if (usage) {
    const prompt_tokens = promptTokens(body);
    yield chunk([], { usage: { prompt_tokens, completion_tokens: tokens.length, total_tokens: prompt_tokens + tokens.length } });
  }
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

// src/testing/emulator.ts
var DEFAULT_CORS_HEADERS = ["authorization", "api-key", "content-type", "accept", "openai-organization", "openai-project"];
var AZURE_DENIED = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
var NO_DEPLOYMENT = "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.";
var tooManyInputsMessage = (max) => `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;
var Refusal = class {
  constructor(status, error, headers = {}) {
    this.status = status;
    this.error = error;
    this.headers = headers;
  }
  status;
  error;
  headers;
};
var refuse = (flavor, status, message, code = null, param = null) => {
  throw new Refusal(status, flavor == "azure" && status != 400 ? { code: code ?? String(status), message } : { message, type: "invalid_request_error", param, code });
};
function createEmulator(options = {}) {
  const requests = [];
  const stats = { inFlight: 0, maxInFlight: 0, streamsCancelled: 0 };
  const cors = [...DEFAULT_CORS_HEADERS, ...(options.corsAllowHeaders ?? []).map((h) => h.toLowerCase())];
  let serial = 0;
  const authorize = (flavor, headers) => {
    const bearer = /^Bearer (.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
    if (flavor == "openai") {
      if (!bearer) refuse(flavor, 401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
      if (options.openaiKeys ? !options.openaiKeys.includes(bearer) : !bearer.startsWith("sk-")) {
        refuse(flavor, 401, `Incorrect API key provided: ${bearer.slice(0, 3)}***${bearer.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_api_key");
      }
      return;
    }
    const key = headers.get("api-key");
    const tokens = options.azureTokens;
    const ok = key ? !options.azureKeys || options.azureKeys.includes(key) : !!bearer && (!tokens || (typeof tokens == "function" ? tokens(bearer) : tokens.includes(bearer)));
    if (!ok) refuse(flavor, 401, AZURE_DENIED);
  };
  const route = (url) => {
    const path = url.pathname;
    let m = /^\/v1\/(chat\/completions|completions|embeddings)$/.exec(path);
    if (m) return { flavor: "openai", op: m[1] };
    m = /^\/openai\/v1\/(chat\/completions|embeddings)$/.exec(path);
    if (m) return { flavor: "azure", op: m[1] };
    m = /^\/openai\/deployments\/([^/]+)\/(chat\/completions|completions|embeddings)$/.exec(path);
    if (!m) return refuse(path.startsWith("/openai/") ? "azure" : "openai", 404, "Resource not found");
    const version = url.searchParams.get("api-version") ?? "";
    const known = options.apiVersions ? options.apiVersions.includes(version) : /^\d{4}-\d\d-\d\d(-preview)?$/.test(version);
    if (!known) refuse("azure", 404, "Resource not found");
    return { flavor: "azure", op: m[2], deployment: decodeURIComponent(m[1]) };
  };
  const answer2 = async (request) => {
    const url = new URL(request.url);
    if (request.method == "OPTIONS") return new Response(null, { status: 200, headers: preflight(request) });
    const { flavor, op, deployment } = route(url);
    if (request.method != "POST") refuse(flavor, 405, `Method ${request.method} not allowed`);
    authorize(flavor, request.headers);
    let body;
    try {
      body = JSON.parse(await request.text());
    } catch {
      return refuse(flavor, 400, "We could not parse the JSON body of your request.");
    }
    if (options.record !== false) requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
    const name = deployment ?? body.model;
    if (!name) refuse(flavor, 400, "you must provide a model parameter", null, "model");
    let settings = {};
    if (flavor == "azure") {
      const known = options.deployments?.[name];
      if (options.deployments && !known) refuse(flavor, 404, NO_DEPLOYMENT, "DeploymentNotFound");
      settings = known ?? {};
    }
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const shape = { id: `${op == "embeddings" ? "emb" : "chatcmpl"}-emu${++serial}`, created: 17e8 + serial, model: settings.model ?? name, flavor, chat: op == "chat/completions" };
    const headers = responseHeaders(flavor, serial);
    if (op == "embeddings") return Response.json(embed(flavor, body, shape.model, settings), { headers });
    if (!body.stream) return Response.json(completion(shape, body, options.replyTokens), { headers });
    headers["content-type"] = "text/event-stream; charset=utf-8";
    headers["cache-control"] = "no-cache";
    const events = streamEvents(shape, body, options.replyTokens);
    const encoder = new TextEncoder();
    const stream = new ReadableStream({
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
      }
    });
    return new Response(stream, { headers });
  };
  const embed = (flavor, body, model, settings) => {
    const { input } = body;
    const inputs = typeof input == "string" ? [input] : input;
    if (!Array.isArray(inputs) || !inputs.length || inputs.length > 2048 || inputs.some((t) => typeof t != "string")) {
      refuse(flavor, 400, "'input' must be a string or an array of 1 to 2048 strings", null, "input");
    }
    const index = inputs.findIndex((t) => !t);
    if (index >= 0) refuse(flavor, 400, `'$.input[${index}]' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`, null, "input");
    const max = settings.maxInputs ?? 2048;
    if (inputs.length > max) refuse("openai", 400, tooManyInputsMessage(max));
    const dimensions = body.dimensions ?? (/3-large/.test(model) ? 3072 : 1536);
    if (!Number.isInteger(dimensions) || dimensions < 1) refuse(flavor, 400, "dimensions must be a positive integer", null, "dimensions");
    return embeddings(model, inputs, dimensions, body.encoding_format == "base64" && !settings.ignoresEncodingFormat);
  };
  const preflight = (request) => {
    const asked = (request.headers.get("access-control-request-headers") ?? "").toLowerCase().split(",").map((h) => h.trim()).filter(Boolean);
    return {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": asked.filter((h) => cors.includes(h)).join(", "),
      "access-control-max-age": "600"
    };
  };
  const handle = async (request) => {
    stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    try {
      return await answer2(request);
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const flavor = new URL(request.url).pathname.startsWith("/openai/") ? "azure" : "openai";
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
    }
  };
}
var responseHeaders = (flavor, serial) => {
  const id = serial.toString(16).padStart(12, "0");
  return flavor == "azure" ? { "apim-request-id": `00000000-0000-4000-8000-${id}`, "x-request-id": `00000000-0000-4000-9000-${id}`, "x-ms-region": "East US", "access-control-allow-origin": "*" } : { "x-request-id": `req_${id}`, "openai-processing-ms": "1", "openai-version": "2020-10-01", "access-control-allow-origin": "*" };
};

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
  for (const [name, value] of Object.entries(req.headers)) if (value !== void 0) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  const hasBody = req.method != "GET" && req.method != "HEAD" && chunks.length > 0;
  const request = new Request(`http://${req.headers.host ?? hostname}${req.url}`, { method: req.method, headers, body: hasBody ? concat(chunks) : void 0 });
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
  PASSED_FILTERS,
  countTokens,
  createEmulator,
  embeddingOf,
  float32ToBase64,
  serve,
  tooManyInputsMessage
};
