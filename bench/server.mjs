// The loopback server of the benchmarks: the library's own emulator over real HTTP, in a process of its own so
// that the CPU the clients are charged is theirs alone. One emulator per scenario, each on its own port:
//   node server.mjs '{"chat":{...EmulatorOptions}, "stream":{...}}'
// prints one line `{"chat":"http://127.0.0.1:PORT", ...}` when all listen, and exits when stdin closes.
// Each port also answers `GET /__bench/stats` ({ requests, maxInFlight, byPath }) and `POST /__bench/reset`.
import { createEmulator, serve } from "../dist/testing.js";

const settings = JSON.parse(process.argv[2] ?? "{}");

/** The emulator with a request counter around it (its own log stays off: embedding bodies are large). */
function counted(options) {
  const emulator = createEmulator({ ...options, record: false });
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
      return await emulator.handle(request);
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
