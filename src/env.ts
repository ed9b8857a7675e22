// fromEnv: a config from environment variables, in the names users already have set.
import { check } from "./errors.ts";
import type { ClientConfig } from "./types.ts";

// The Azure API version fromEnv uses when OPENAI_API_VERSION is not set: the newest stable dated one.
const DEFAULT_AZURE_API_VERSION = "2024-10-21";

type Env = Record<string, string | undefined>;

// Guarded environment helper: process.env on Node, Bun and Deno 2, nothing in browsers and workers.
const readEnv = (): Env => {
  try {
    return { ...(globalThis as { process?: { env?: Env } }).process?.env }; // the copy reads now, inside the try
  } catch {
    return {}; // Deno without --allow-env
  }
};

/**
 * Reads a client config from the environment:
 * - `AZURE_OPENAI_ENDPOINT` (+ `AZURE_OPENAI_API_KEY`, `OPENAI_API_VERSION`) → Azure;
 * - `OPENAI_API_TYPE=azure|azure_ad` + `OPENAI_API_BASE`, `OPENAI_API_KEY`, `OPENAI_API_VERSION` (openai-python
 *   0.x) → Azure, with `azure_ad` sending the key as an Entra ID bearer token;
 * - `OPENAI_API_KEY` (+ `OPENAI_BASE_URL`, `OPENAI_ORG_ID` or openai-python 0.x's `OPENAI_ORGANIZATION`,
 *   `OPENAI_PROJECT_ID`) → OpenAI.
 *
 * Empty variables count as unset. Azure with `AZURE_OPENAI_AD_TOKEN` (the official SDKs' name) and no key sends that
 * token as `Authorization: Bearer`. Azure with neither gives a config with neither `apiKey` nor `tokenProvider`:
 * add your own token provider.
 *
 * @example
 * ```ts
 * const client = createClient(fromEnv());
 * const entra = createClient({ ...fromEnv(), tokenProvider });
 * ```
 */
export function fromEnv(env: Env = readEnv()): ClientConfig {
  const get = (name: string) => env[name] || undefined;
  const type = get("OPENAI_API_TYPE")?.toLowerCase() ?? "";
  const endpoint = get("AZURE_OPENAI_ENDPOINT");
  const key = endpoint ? get("AZURE_OPENAI_API_KEY") : get("OPENAI_API_KEY");
  if (endpoint || /^azure/.test(type)) {
    // openai-python 0.x put the Entra ID token in OPENAI_API_KEY when OPENAI_API_TYPE was azure_ad.
    const isToken = !endpoint && type != "azure";
    const token = isToken ? key : endpoint && !key ? get("AZURE_OPENAI_AD_TOKEN") : undefined;
    const config: ClientConfig = {
      provider: "azure",
      endpoint: endpoint ?? get("OPENAI_API_BASE") ?? "",
      apiVersion: get("OPENAI_API_VERSION") ?? get("AZURE_OPENAI_API_VERSION") ?? DEFAULT_AZURE_API_VERSION,
      ...(isToken ? {} : { apiKey: key }),
      ...(token ? { tokenProvider: () => token } : {}),
    };
    check(config.endpoint, "OPENAI_API_TYPE=" + type + " needs OPENAI_API_BASE");
    return config;
  }
  const names =
    "OPENAI_API_KEY, AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY), or OPENAI_API_TYPE=azure + OPENAI_API_BASE";
  check(key, "set " + names);
  return {
    provider: "openai",
    apiKey: key,
    baseURL: get("OPENAI_BASE_URL"),
    organization: get("OPENAI_ORG_ID") ?? get("OPENAI_ORGANIZATION"),
    project: get("OPENAI_PROJECT_ID"),
  };
}
