// Shared by the Chromium tests: Debian's Chromium through playwright-core (never a downloaded browser), a static
// file server on one loopback port for the page, and the emulator on another, with every request it saw logged.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium, type Page } from "playwright-core";
import { createEmulator, type Emulator, type EmulatorOptions, serve } from "../../../src/testing.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without the background-networking flags Chromium keeps calling hosts this machine cannot reach.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A request as it reached the emulator's HTTP server, preflights included. */
export interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface EmulatorOrigin {
  emulator: Emulator;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Every request, OPTIONS included, in arrival order. */
  seen: Seen[];
  close(): Promise<void>;
}

/**
 * Serves the emulator on its own loopback port. `intercept` may answer a request instead of the emulator
 * (return a Response), e.g. to fail an attempt; it sees each request after it is logged.
 */
export async function serveEmulator(
  options: EmulatorOptions = {},
  intercept?: (request: Request, seen: Seen[]) => Response | undefined | Promise<Response | undefined>,
): Promise<EmulatorOrigin> {
  const emulator = createEmulator(options);
  const seen: Seen[] = [];
  const server = await serve(async (request) => {
    const url = new URL(request.url);
    seen.push({ method: request.method, path: url.pathname + url.search, headers: Object.fromEntries(request.headers) });
    return (await intercept?.(request, seen)) ?? emulator.handle(request);
  });
  return { emulator, url: server.url, seen, close: server.close };
}

/** Serves fixed files: path → [content type, body or a file to read on each request]. */
export async function serveFiles(files: Record<string, [type: string, body: string | { file: string }]>) {
  const server = createServer((req, res) => {
    const entry = files[new URL(req.url ?? "/", "http://x").pathname];
    if (!entry) return void res.writeHead(404).end();
    const [type, body] = entry;
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(typeof body == "string" ? body : readFileSync(body.file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Records requests the page makes to any host but 127.0.0.1, and uncaught page errors, for the test to assert
 * none. It only listens: `page.route` would make Playwright answer CORS preflights itself, hiding the real ones.
 */
export function guard(page: Page): { offsite: string[]; errors: string[] } {
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // On the context, so that popups the page opens are watched too.
  page.context().on("request", (request) => {
    if (new URL(request.url()).hostname != "127.0.0.1") offsite.push(request.url());
  });
  return { offsite, errors };
}
