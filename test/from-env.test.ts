// fromEnv: the environment variables users already have (Azure's, openai-python 0.x's, OpenAI's) give a config
// that reaches the right URL with the right credential header.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ConfigError, createClient, fromEnv, type FetchLike } from "../src/mod.ts";
import { createEmulator } from "../src/testing.ts";
import { startEmulator, type EmulatorServer } from "./helpers.ts";

const messages = [{ role: "user" as const, content: "Hi" }];

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulator();
});
afterAll(() => server.close());

type Env = Record<string, string | undefined>;

interface Case {
  name: string;
  env: (url: string) => Env;
  provider: "openai" | "azure";
  /** The request URL after the server's origin. */
  path: string;
  /** The credential and OpenAI headers the server must get (absent ones must be absent). */
  headers: { "api-key"?: string; authorization?: string; "openai-organization"?: string; "openai-project"?: string };
}

const cases: Case[] = [
  {
    name: "AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_API_KEY → azure with the default api-version",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_API_KEY: "az-key" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { "api-key": "az-key" },
  },
  {
    name: "AZURE_OPENAI_* + OPENAI_API_VERSION → that version",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: url + "/", AZURE_OPENAI_API_KEY: "az-key", OPENAI_API_VERSION: "2024-06-01" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01",
    headers: { "api-key": "az-key" },
  },
  {
    name: "AZURE_OPENAI_ENDPOINT wins over an OPENAI_API_KEY also set",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_API_KEY: "az-key", OPENAI_API_KEY: "sk-openai" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { "api-key": "az-key" },
  },
  {
    name: "openai-python 0.x: OPENAI_API_TYPE=azure + OPENAI_API_BASE/KEY/VERSION → azure, api-key header",
    env: (url) => ({ OPENAI_API_TYPE: "azure", OPENAI_API_BASE: url, OPENAI_API_KEY: "az-key", OPENAI_API_VERSION: "2023-05-15" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2023-05-15",
    headers: { "api-key": "az-key" },
  },
  {
    name: "openai-python 0.x without OPENAI_API_VERSION → the default version",
    env: (url) => ({ OPENAI_API_TYPE: "azure", OPENAI_API_BASE: url, OPENAI_API_KEY: "az-key" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { "api-key": "az-key" },
  },
  {
    name: "openai-python 0.x: OPENAI_API_TYPE=azure_ad sends OPENAI_API_KEY as an Entra ID Bearer token",
    env: (url) => ({ OPENAI_API_TYPE: "azure_ad", OPENAI_API_BASE: url, OPENAI_API_KEY: "entra-token", OPENAI_API_VERSION: "2023-05-15" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2023-05-15",
    headers: { authorization: "Bearer entra-token" },
  },
  {
    name: "OPENAI_API_TYPE is case-insensitive, as in openai-python",
    env: (url) => ({ OPENAI_API_TYPE: "Azure", OPENAI_API_BASE: url, OPENAI_API_KEY: "az-key" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { "api-key": "az-key" },
  },
  {
    name: "OPENAI_API_KEY + OPENAI_BASE_URL + OPENAI_ORG_ID + OPENAI_PROJECT_ID → openai with those headers",
    env: (url) => ({ OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: url + "/v1", OPENAI_ORG_ID: "org-env", OPENAI_PROJECT_ID: "proj_env" }),
    provider: "openai",
    path: "/v1/chat/completions",
    headers: { authorization: "Bearer sk-env", "openai-organization": "org-env", "openai-project": "proj_env" },
  },
  {
    name: "OPENAI_API_TYPE=open_ai (openai-python's default) with OPENAI_API_KEY → openai",
    env: (url) => ({ OPENAI_API_TYPE: "open_ai", OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: url + "/v1" }),
    provider: "openai",
    path: "/v1/chat/completions",
    headers: { authorization: "Bearer sk-env" },
  },
  {
    name: "openai-python 0.x's OPENAI_ORGANIZATION → OpenAI-Organization (OPENAI_ORG_ID wins when both are set)",
    env: (url) => ({ OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: url + "/v1", OPENAI_ORGANIZATION: "org-python0" }),
    provider: "openai",
    path: "/v1/chat/completions",
    headers: { authorization: "Bearer sk-env", "openai-organization": "org-python0" },
  },
  {
    name: "OPENAI_ORG_ID and OPENAI_ORGANIZATION both set: OPENAI_ORG_ID",
    env: (url) => ({ OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: url + "/v1", OPENAI_ORG_ID: "org-new", OPENAI_ORGANIZATION: "org-old" }),
    provider: "openai",
    path: "/v1/chat/completions",
    headers: { authorization: "Bearer sk-env", "openai-organization": "org-new" },
  },
  {
    name: "AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_AD_TOKEN (the official SDKs' name) → the token as Bearer",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_AD_TOKEN: "entra-env-token" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { authorization: "Bearer entra-env-token" },
  },
  {
    name: "AZURE_OPENAI_API_KEY wins over AZURE_OPENAI_AD_TOKEN",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: url, AZURE_OPENAI_API_KEY: "az-env-key", AZURE_OPENAI_AD_TOKEN: "entra-env-token" }),
    provider: "azure",
    path: "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21",
    headers: { "api-key": "az-env-key" },
  },
  {
    name: "empty variables count as unset",
    env: (url) => ({ AZURE_OPENAI_ENDPOINT: "", OPENAI_API_KEY: "sk-env", OPENAI_BASE_URL: url + "/v1", OPENAI_ORG_ID: "", OPENAI_PROJECT_ID: "" }),
    provider: "openai",
    path: "/v1/chat/completions",
    headers: { authorization: "Bearer sk-env" },
  },
];

describe("fromEnv(env) → a config that reaches the right place", () => {
  test.each(cases)("$name", async (c) => {
    const config = fromEnv(c.env(server.url));
    expect(config.provider).toBe(c.provider);
    server.emulator.reset();
    const reply = await createClient(config).chat({ model: "gpt-4o", messages });
    expect(reply.choices[0]?.message.content).toBe("You said: Hi");
    expect(server.emulator.requests).toHaveLength(1);
    const { url, headers } = server.emulator.requests[0]!;
    expect(url).toBe(server.url + c.path);
    const names = ["api-key", "authorization", "openai-organization", "openai-project"] as const;
    expect(Object.fromEntries(names.map((n) => [n, headers[n]]))).toEqual(Object.fromEntries(names.map((n) => [n, c.headers[n]])));
  });

  test.each(cases)("through an injected fetch: $name", async (c) => {
    const origin = "https://env.example.test";
    const emulator = createEmulator();
    const seen: { url: string; headers: Headers }[] = [];
    const fetch: FetchLike = (url, init) => (seen.push({ url, headers: new Headers(init.headers) }), emulator.fetch(url, init));
    const reply = await createClient({ ...fromEnv(c.env(origin)), fetch }).chat({ model: "gpt-4o", messages });
    expect(reply.choices[0]?.message.content).toBe("You said: Hi");
    expect(seen.map((s) => s.url)).toEqual([origin + c.path]);
    const names = ["api-key", "authorization", "openai-organization", "openai-project"] as const;
    expect(Object.fromEntries(names.map((n) => [n, seen[0]!.headers.get(n) ?? undefined]))).toEqual(Object.fromEntries(names.map((n) => [n, c.headers[n]])));
  });

  test("Azure without a key or token: createClient's ConfigError names apiKey, tokenProvider and AZURE_OPENAI_API_KEY", () => {
    const config = fromEnv({ AZURE_OPENAI_ENDPOINT: "https://x.openai.azure.com" });
    expect(() => createClient(config)).toThrow(/apiKey.*tokenProvider.*AZURE_OPENAI_API_KEY/);
    expect(() => createClient(config)).not.toThrow(/not both/);
  });

  test("OPENAI_API_KEY alone → the OpenAI API at its default base URL", async () => {
    const config = fromEnv({ OPENAI_API_KEY: "sk-env" });
    expect(config).toMatchObject({ provider: "openai", apiKey: "sk-env" });
    const urls: string[] = [];
    const emulator = createEmulator();
    const fetch: FetchLike = (url, init) => (urls.push(url), emulator.fetch(url, init));
    await createClient({ ...config, fetch }).chat({ model: "gpt-4o", messages });
    expect(urls).toEqual(["https://api.openai.com/v1/chat/completions"]);
  });

  test("Azure without a key gives a config that takes the user's tokenProvider", async () => {
    const config = fromEnv({ AZURE_OPENAI_ENDPOINT: server.url });
    expect(config).toMatchObject({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21" });
    expect(config.apiKey).toBeUndefined();
    expect(config.tokenProvider).toBeUndefined();
    expect(() => createClient(config)).toThrow(ConfigError);
    server.emulator.reset();
    await createClient({ ...config, tokenProvider: async () => "entra-from-msal" }).chat({ model: "gpt-4o", messages });
    expect(server.emulator.requests[0]!.headers.authorization).toBe("Bearer entra-from-msal");
    expect(server.emulator.requests[0]!.headers["api-key"]).toBeUndefined();
  });
});

describe("fromEnv refuses what it cannot use", () => {
  const NAMES = ["AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_KEY", "OPENAI_API_KEY", "OPENAI_API_TYPE", "OPENAI_API_BASE"];

  test.each([
    ["an empty environment", {}],
    ["only empty variables", { OPENAI_API_KEY: "", AZURE_OPENAI_ENDPOINT: "" }],
    ["only unrelated OpenAI settings", { OPENAI_BASE_URL: "https://example.test/v1", OPENAI_ORG_ID: "org-1" }],
  ])("%s: ConfigError naming the variables to set", (_, env) => {
    let error: unknown;
    try {
      fromEnv(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of NAMES) expect((error as Error).message).toContain(name);
  });

  // With OPENAI_API_TYPE=azure the key in OPENAI_API_KEY is an Azure key (or token): without OPENAI_API_BASE,
  // falling back to the OpenAI API would send it to api.openai.com.
  test.each(["azure", "azure_ad"])("OPENAI_API_TYPE=%s without OPENAI_API_BASE is a ConfigError naming OPENAI_API_BASE", (type) => {
    expect(() => fromEnv({ OPENAI_API_TYPE: type, OPENAI_API_KEY: "azure-secret" })).toThrow(ConfigError);
    expect(() => fromEnv({ OPENAI_API_TYPE: type, OPENAI_API_KEY: "azure-secret" })).toThrow(/OPENAI_API_BASE/);
  });
});

describe("fromEnv() with no argument reads process.env", () => {
  const VARS = [
    "AZURE_OPENAI_ENDPOINT",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_API_VERSION",
    "OPENAI_API_TYPE",
    "OPENAI_API_BASE",
    "OPENAI_API_KEY",
    "OPENAI_API_VERSION",
    "OPENAI_BASE_URL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
  ];
  const saved = Object.fromEntries(VARS.map((name) => [name, process.env[name]]));
  const setEnv = (env: Env) => {
    for (const name of VARS) delete process.env[name];
    Object.assign(process.env, env);
  };
  afterEach(() => {
    for (const name of VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  test("Azure variables", async () => {
    setEnv({ AZURE_OPENAI_ENDPOINT: server.url, AZURE_OPENAI_API_KEY: "az-process-key", OPENAI_API_VERSION: "2024-02-01" });
    server.emulator.reset();
    await createClient(fromEnv()).embed({ model: "text-embedding-ada-002", input: "A" });
    expect(server.emulator.requests[0]!.url).toBe(server.url + "/openai/deployments/text-embedding-ada-002/embeddings?api-version=2024-02-01");
    expect(server.emulator.requests[0]!.headers["api-key"]).toBe("az-process-key");
  });

  test("OpenAI variables", async () => {
    setEnv({ OPENAI_API_KEY: "sk-process", OPENAI_BASE_URL: server.url + "/v1" });
    server.emulator.reset();
    await createClient(fromEnv()).chat({ model: "gpt-4o", messages });
    expect(server.emulator.requests[0]!.url).toBe(server.url + "/v1/chat/completions");
    expect(server.emulator.requests[0]!.headers.authorization).toBe("Bearer sk-process");
  });

  test("none set: ConfigError", () => {
    setEnv({});
    expect(() => fromEnv()).toThrow(ConfigError);
  });
});
