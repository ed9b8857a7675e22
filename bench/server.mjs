// The loopback server of the benchmarks: the library's own emulator over real HTTP, in a process of its own so
// that the CPU the clients are charged is theirs alone. One emulator per scenario, each on its own port:
//   node server.mjs '{"chat":{...EmulatorOptions}, "stream":{...}}'
// prints one line `{"chat":"http://127.0.0.1:PORT", ...}` when all listen, and exits when stdin closes.
// Each port also answers `GET /__bench/stats` ({ requests, maxInFlight, byPath }) and `POST /__bench/reset`.
import { createEmulator, serve } from "../dist/testing.js";

const settings = JSON.parse(process.argv[2] ?? "{}");

/**
 * The emulator with a request counter around it (its own log stays off: embedding bodies are large). With
 * `memoize`, successful embeddings answers are kept by request (the emulator is deterministic, so the bytes are
 * the same): the emulator's base64 encoding costs it ~0.2 ms a vector on this machine, which would otherwise make
 * the server, not the client, the bottleneck of the big-embeddings and memory runs after their first round.
 */
function counted({ memoize, ...options }) {
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
  return async (request) => {
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
  };
}

const urls = {};
const servers = [];
for (const [name, options] of Object.entries(settings)) {
  const served = await serve(counted(options));
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
