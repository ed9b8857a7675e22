// The loopback server of the benchmarks, in a process of its own so that the CPU the clients are charged is
// theirs alone. One app per scenario, each on its own port:
//   node server.mjs '{"chat":{"kind":"emulator",...EmulatorOptions}, "streams":{"kind":"streams"}, "cap":{"kind":"corpus",...}}'
// prints one line `{"chat":"http://127.0.0.1:PORT", ...}` when all listen, and exits when stdin closes.
// Kinds: "emulator" (the library's own, from dist/testing.js or $BENCH_DIST/testing.js: chat, embeddings, embedMany's Azure input limits),
// "streams" (lib/streams-app.mjs: chat and Responses streams) and "corpus" (lib/corpus-app.mjs: embeddings with
// token caps and rate limits). Each port also answers `GET /__bench/stats` and `POST /__bench/reset`.
import { createServer } from "node:http";
import { corpusApp } from "./lib/corpus-app.mjs";
import { distModule } from "./lib/harness.mjs";
import { streamsApp } from "./lib/streams-app.mjs";

const settings = JSON.parse(process.argv[2] ?? "{}");

/**
 * The emulator with a request counter around it (its own log stays off: embedding bodies are large). With
 * `memoize`, successful embeddings answers are kept by request (the emulator is deterministic, so the bytes are
 * the same): the emulator's base64 encoding costs it ~0.2 ms a vector on this machine, which would otherwise make
 * the server, not the client, the bottleneck of the big-embeddings and memory runs after their first round.
 */
async function emulatorApp({ memoize, ...options }) {
  const { createEmulator, serve } = await distModule("testing.js");
  const emulator = createEmulator({ ...options, record: false });
  const memo = new Map();
  const answer = async (request) => {
    if (!memoize || !request.url.includes("/embeddings")) return emulator.handle(request);
    const text = await request.text();
    const { input, ...rest } = JSON.parse(text);
    const key = new URL(request.url).pathname + " " + JSON.stringify(Object.entries(rest).sort()) + " " + JSON.stringify(input);
    const hit = memo.get(key);
    if (hit) return new Response(hit.body, { status: 200, headers: hit.headers });
    const response = await emulator.handle(new Request(request.url, { method: request.method, headers: request.headers, body: text }));
    if (response.status != 200) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    memo.set(key, { body, headers: Object.fromEntries(response.headers) });
    return new Response(body, { status: 200, headers: response.headers });
  };
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let byPath = {};
  return serve(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname == "/__bench/stats") return Response.json({ requests, maxInFlight, byPath });
    if (pathname == "/__bench/reset") {
      requests = maxInFlight = 0;
      byPath = {};
      return Response.json({ ok: true });
    }
    requests++;
    byPath[pathname] = (byPath[pathname] ?? 0) + 1;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    try {
      return await answer(request);
    } finally {
      inFlight--;
    }
  });
}

/** A node:http server for the bench's own apps: `app.handle(req, res, url)`, `app.stats()`, `app.reset()`. */
function nodeApp(app) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const reply = (body) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname == "/__bench/stats") return reply(app.stats());
    if (url.pathname == "/__bench/reset") {
      app.reset();
      return reply({ ok: true });
    }
    app.handle(req, res, url).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e?.stack ?? e));
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(done);
          }),
      });
    });
  });
}

/** The stream server with a request counter (its stats). */
function streamsWithCounter() {
  const handle = streamsApp();
  let requests = 0;
  return {
    stats: () => ({ requests }),
    reset() {
      requests = 0;
    },
    handle(req, res, url) {
      requests++;
      return handle(req, res, url);
    },
  };
}

const urls = {};
const servers = [];
for (const [name, { kind, ...options }] of Object.entries(settings)) {
  let served;
  if (kind == "emulator") served = await emulatorApp(options);
  else if (kind == "streams") served = await nodeApp(streamsWithCounter());
  else if (kind == "corpus") served = await nodeApp(corpusApp(options));
  else throw new Error(`unknown app kind ${kind} for ${name}`);
  servers.push(served);
  urls[name] = served.url;
}
process.stdout.write(JSON.stringify(urls) + "\n");

const stop = async () => {
  await Promise.all(servers.map((s) => s.close()));
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
