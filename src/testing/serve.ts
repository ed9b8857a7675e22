// Serves any Request → Response handler over real HTTP on loopback, for tests and the demo (Node, Bun, Deno).

// The few node:http shapes used here, declared locally so the library's types need no @types/node.
interface IncomingMessage extends AsyncIterable<Uint8Array> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ServerResponse {
  headersSent: boolean;
  destroyed: boolean;
  writeHead(status: number, headers: Record<string, string>): void;
  write(chunk: Uint8Array): boolean;
  end(text?: string): void;
  on(event: "drain" | "close", listener: () => void): ServerResponse;
  off(event: "drain" | "close", listener: () => void): ServerResponse;
}
interface NodeServer {
  keepAliveTimeout: number;
  once(event: "error", listener: (e: Error) => void): void;
  listen(port: number, hostname: string, done: () => void): void;
  address(): unknown;
  close(done: () => void): void;
  closeAllConnections(): void;
}
type NodeHttp = { createServer(listener: (req: IncomingMessage, res: ServerResponse) => void): NodeServer };
const NODE_HTTP = "node:http";

/**
 * A running server.
 *
 * @example
 * ```ts
 * const served: Served = await serve(createEmulator().handle);
 * await fetch(`${served.url}/v1/chat/completions`, { method: "POST" });
 * await served.close();
 * ```
 */
export interface Served {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server on an ephemeral loopback port (or `port`) that answers with `handler`. Response bodies
 * are streamed as they come; when the client goes away, the body is cancelled.
 *
 * @example
 * ```ts
 * const server = await serve(createEmulator().handle);
 * const client = createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1" });
 * await server.close();
 * ```
 */
export async function serve(
  handler: (request: Request) => Response | Promise<Response>,
  options: { port?: number; hostname?: string } = {},
): Promise<Served> {
  const { createServer } = (await import(NODE_HTTP)) as NodeHttp;
  const hostname = options.hostname ?? "127.0.0.1";
  const server = createServer((req, res) => {
    answer(handler, req, res, hostname).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e?.stack ?? e));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, hostname, resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${hostname}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  handler: (request: Request) => Response | Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  hostname: string,
) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method != "GET" && req.method != "HEAD" && chunks.length > 0;
  const request = new Request(`http://${req.headers.host ?? hostname}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? concat(chunks) : undefined,
  });
  const response = await handler(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  let finished = false;
  res.on("close", () => {
    if (!finished) reader.cancel().catch(() => {});
  });
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    if (!res.write(value!)) {
      await new Promise<void>((resolve) => {
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

const concat = (chunks: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
};
