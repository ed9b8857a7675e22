// examples/msal-browser in Chromium: the page signs in with the real @azure/msal-browser and gives the client
// MSAL's tokens; the emulator, on another origin, checks the Bearer token. No real sign-in happens:
// - silent path: MSAL's cache (sessionStorage) is seeded before the page runs, so acquireTokenSilent answers from
//   it with no network at all (the tests assert that not one request left 127.0.0.1);
// - fallback path: the cached refresh token is refused with an interaction-required error, and the example opens
//   MSAL's popup; login.microsoftonline.com is answered by the test (Playwright routes), the popup comes back to
//   the example's redirect.html, and the code is redeemed for a token. With routes on, Playwright answers CORS
//   preflights itself, so that test does not exercise the emulator's preflight (the others do).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";
import { AZURE_SCOPE } from "../../../src/mod.ts";
import { type EmulatorOrigin, guard, launchChromium, serveEmulator, serveFiles } from "./browser.ts";

const root = join(import.meta.dirname, "../../..");
const example = join(root, "examples/msal-browser");
const CLIENT_ID = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const OID = "99999999-8888-7777-6666-555555555555";
const ENV = "login.microsoftonline.com";

const HOME = `${OID}.${TENANT_ID}`;
const ACCOUNT_KEY = ["msal.3", HOME, ENV, TENANT_ID].join("|");
const ACCOUNT = { homeAccountId: HOME, environment: ENV, realm: TENANT_ID, localAccountId: OID, username: "ada@contoso.example", name: "Ada", authorityType: "MSSTS" };

/** MSAL v5's cache entries for one signed-in account and one access token for AZURE_SCOPE. */
function msalCache(token: string): Record<string, string> {
  const home = HOME;
  const now = Math.floor(Date.now() / 1000);
  const accountKey = ACCOUNT_KEY;
  const tokenKey = ["msal.3", home, ENV, "accesstoken", CLIENT_ID, TENANT_ID, AZURE_SCOPE, ""].join("|").toLowerCase();
  return {
    [accountKey]: JSON.stringify(ACCOUNT),
    "msal.3.account.keys": JSON.stringify([accountKey]),
    [tokenKey]: JSON.stringify({
      credentialType: "AccessToken",
      homeAccountId: home,
      environment: ENV,
      clientId: CLIENT_ID,
      realm: TENANT_ID,
      target: AZURE_SCOPE,
      secret: token,
      tokenType: "Bearer",
      cachedAt: String(now),
      // More than MSAL's 300 s renewal offset ahead, so it is served from the cache.
      expiresOn: String(now + 3600),
      extendedExpiresOn: String(now + 7200),
    }),
    [`msal.3.token.keys.${CLIENT_ID}`]: JSON.stringify({ idToken: [], accessToken: [tokenKey], refreshToken: [] }),
  };
}

let browser: Browser;
let bundles: Record<string, string>;
let page: Page;
let checks: ReturnType<typeof guard>;
let site: Awaited<ReturnType<typeof serveFiles>> | undefined;
let server: EmulatorOrigin | undefined;
/** Requests the page (and its popups) may make to hosts other than 127.0.0.1. */
let offsite: string[];

beforeAll(async () => {
  const { outputFiles } = await build({
    entryPoints: [join(example, "main.ts"), join(example, "redirect.ts")],
    bundle: true,
    format: "esm",
    target: "es2022",
    outdir: "/out",
    write: false,
    logLevel: "warning",
  });
  bundles = Object.fromEntries(outputFiles.map((f) => ["/" + f.path.split("/").pop(), f.text]));
  // "openai-switch" must resolve as it does for users: to the package's built dist/.
  expect(bundles["/main.js"]).toContain("// dist/mod.js");
  browser = await launchChromium();
});
afterAll(() => browser?.close());

beforeEach(async () => {
  page = await browser.newPage();
  checks = guard(page);
  offsite = [];
});
afterEach(async () => {
  await page.close();
  await site?.close();
  await server?.close();
  expect(checks.errors).toEqual([]);
  // Silent path: MSAL answered from its cache, not one request left 127.0.0.1.
  expect(checks.offsite).toEqual(offsite);
});

/** Serves the example's own index.html, configured for the emulator, and its bundles. */
async function openExample(endpoint: string, seed: Record<string, string>) {
  const html = readFileSync(join(example, "index.html"), "utf8")
    .replace(/data-client-id="[^"]*"/, `data-client-id="${CLIENT_ID}"`)
    .replace(/data-tenant-id="[^"]*"/, `data-tenant-id="${TENANT_ID}"`)
    .replace(/data-endpoint="[^"]*"/, `data-endpoint="${endpoint}"`)
    .replace(/data-deployment="[^"]*"/, `data-deployment="gpt-4o"`);
  expect(html).toContain(endpoint);
  const js = "text/javascript; charset=utf-8";
  site = await serveFiles({
    "/": ["text/html; charset=utf-8", html],
    "/main.js": [js, bundles["/main.js"]!],
    "/redirect.html": ["text/html; charset=utf-8", readFileSync(join(example, "redirect.html"), "utf8")],
    "/redirect.js": [js, bundles["/redirect.js"]!],
  });
  // Seeded before any page script runs (MSAL reads its cache at initialize()).
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem("seeded")) {
      for (const [key, value] of Object.entries(entries)) sessionStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, seed);
  await page.goto(site.url + "/");
}

async function ask(question: string) {
  await page.locator("textarea").fill(question);
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(() => document.querySelector("form")?.dataset.state != "busy" && document.querySelector("form")?.dataset.state);
  return { state: await page.locator("form").getAttribute("data-state"), answer: await page.locator("output").textContent() };
}

test("the token MSAL returns from its cache is the Bearer token Azure receives, and no api-key", async () => {
  server = await serveEmulator({ azureTokens: ["msal-cached-token"] });
  await openExample(server.url, msalCache("msal-cached-token"));
  expect(await ask("Hello from MSAL")).toEqual({ state: "done", answer: "You said: Hello from MSAL" });
  const posts = server.seen.filter((s) => s.method == "POST");
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({ path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", headers: { authorization: "Bearer msal-cached-token", origin: site!.url } });
  expect(posts[0]!.headers["api-key"]).toBeUndefined();
  expect(server.seen[0]).toMatchObject({ method: "OPTIONS", headers: { "access-control-request-headers": "authorization,content-type" } });
});

test("MSAL is asked again for each attempt: a retry carries the token MSAL holds by then", async () => {
  let posts = 0;
  server = await serveEmulator({ azureTokens: ["msal-token-1", "msal-token-2"] }, async (request) => {
    if (request.method != "POST" || ++posts > 1) return;
    // While the first attempt is in flight, MSAL's cache gets a new token (as when another tab renews it);
    // then the attempt fails with a retryable 503.
    await page.evaluate(
      ([from, to]) => {
        for (let i = 0; i < sessionStorage.length; i++) {
          const key = sessionStorage.key(i)!;
          if (key.includes("|accesstoken|")) sessionStorage.setItem(key, sessionStorage.getItem(key)!.replace(from!, to!));
        }
      },
      ["msal-token-1", "msal-token-2"],
    );
    return Response.json({ error: { code: "503", message: "busy" } }, { status: 503, headers: { "access-control-allow-origin": "*" } });
  });
  await openExample(server.url, msalCache("msal-token-1"));
  expect(await ask("Retry me")).toEqual({ state: "done", answer: "You said: Retry me" });
  expect(server.seen.filter((s) => s.method == "POST").map((s) => s.headers.authorization)).toEqual(["Bearer msal-token-1", "Bearer msal-token-2"]);
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

test("when the refresh token needs interaction, the example falls back to MSAL's popup and sends its token", async () => {
  const authority = `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0`;
  const grants: string[] = [];
  let nonce = "";
  // The whole of Entra ID that this flow needs, answered in the browser: two token calls and the popup's authorize.
  await page.context().route(/^https:\/\/login\.microsoftonline\.com\//, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const cors = { "access-control-allow-origin": request.headers().origin ?? "*", "access-control-allow-credentials": "true" };
    if (url.pathname == `/${TENANT_ID}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(request.postData() ?? "");
      grants.push(form.get("grant_type")!);
      if (form.get("grant_type") == "refresh_token") {
        // What Entra ID says when MFA or consent is needed: interaction required (not solvable by an iframe).
        const error = { error: "invalid_grant", error_description: "AADSTS50076: you must use multi-factor authentication.", error_codes: [50076], suberror: "basic_action" };
        return route.fulfill({ status: 400, headers: cors, contentType: "application/json", body: JSON.stringify(error) });
      }
      expect(form.get("code")).toBe("popup-code");
      const now = Math.floor(Date.now() / 1000);
      const claims = { aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, iat: now, nbf: now, exp: now + 3600, oid: OID, sub: "subject", tid: TENANT_ID, nonce, preferred_username: "ada@contoso.example", name: "Ada", ver: "2.0" };
      const body = {
        token_type: "Bearer",
        scope: AZURE_SCOPE,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: "msal-popup-token",
        refresh_token: "new-refresh-token",
        id_token: `${base64url({ alg: "none", typ: "JWT" })}.${base64url(claims)}.`,
        client_info: base64url({ uid: OID, utid: TENANT_ID }),
      };
      return route.fulfill({ status: 200, headers: cors, contentType: "application/json", body: JSON.stringify(body) });
    }
    if (url.pathname == `/${TENANT_ID}/oauth2/v2.0/authorize`) {
      const q = url.searchParams;
      expect(q.get("prompt")).not.toBe("none"); // the popup, not a hidden iframe
      nonce = q.get("nonce")!;
      const answer = new URLSearchParams({ code: "popup-code", state: q.get("state")!, client_info: base64url({ uid: OID, utid: TENANT_ID }) });
      const redirect = q.get("redirect_uri")! + (q.get("response_mode") == "query" ? "?" : "#") + answer;
      return route.fulfill({ status: 302, headers: { location: redirect } });
    }
    return route.abort();
  });
  server = await serveEmulator({ azureTokens: ["msal-popup-token"] });
  const now = Math.floor(Date.now() / 1000);
  const refreshKey = ["msal.3", HOME, ENV, "refreshtoken", CLIENT_ID, "", "", ""].join("|");
  await openExample(server.url, {
    [ACCOUNT_KEY]: JSON.stringify(ACCOUNT),
    "msal.3.account.keys": JSON.stringify([ACCOUNT_KEY]),
    [refreshKey]: JSON.stringify({ credentialType: "RefreshToken", homeAccountId: HOME, environment: ENV, clientId: CLIENT_ID, secret: "old-refresh-token", expiresOn: String(now + 86400) }),
    [`msal.3.token.keys.${CLIENT_ID}`]: JSON.stringify({ idToken: [], accessToken: [], refreshToken: [refreshKey] }),
  });
  const popup = page.waitForEvent("popup");
  expect(await ask("After MFA")).toEqual({ state: "done", answer: "You said: After MFA" });
  expect(new URL((await popup).url()).pathname).toBe("/redirect.html");
  expect(grants).toEqual(["refresh_token", "authorization_code"]);
  offsite = checks.offsite.filter((u) => new URL(u).origin == "https://login.microsoftonline.com");
  expect(offsite.map((u) => new URL(u).pathname)).toEqual([`/${TENANT_ID}/oauth2/v2.0/token`, `/${TENANT_ID}/oauth2/v2.0/authorize`, `/${TENANT_ID}/oauth2/v2.0/token`]);
  const posts = server.seen.filter((s) => s.method == "POST");
  expect(posts.map((s) => [s.headers.authorization, s.headers["api-key"]])).toEqual([["Bearer msal-popup-token", undefined]]);
});
