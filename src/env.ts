// fromEnv: a config from environment variables, in the names users already have set.
import { ConfigError } from "./errors.ts";
import type { ClientConfig } from "./types.ts";

/** The Azure API version `fromEnv` uses when `OPENAI_API_VERSION` is not set: the newest stable dated one. */
export const DEFAULT_AZURE_API_VERSION = "2024-10-21";

type Env = Record<string, string | undefined>;

// Guarded environment helper: process.env on Node and Bun, Deno.env on Deno, nothing in browsers and workers.
const readEnv = (): Env => {
  const g = globalThis as { process?: { env?: Env }; Deno?: { env: { toObject(): Env } } };
  try {
    return g.process?.env ?? g.Deno?.env.toObject() ?? {};
  } catch {
    return {}; // Deno without --allow-env
  }
};

/**
 * Reads a client config from the environment:
 * - `AZURE_OPENAI_ENDPOINT` (+ `AZURE_OPENAI_API_KEY`, `OPENAI_API_VERSION`) → Azure;
 * - `OPENAI_API_TYPE=azure|azure_ad` + `OPENAI_API_BASE`, `OPENAI_API_KEY`, `OPENAI_API_VERSION` (openai-python 0.x) → Azure,
 *   with `azure_ad` sending the key as an Entra ID bearer token;
 * - `OPENAI_API_KEY` (+ `OPENAI_BASE_URL`, `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`) → OpenAI.
 *
 * Azure without a key gives a config with neither `apiKey` nor `tokenProvider`: add your own token provider.
 *
 * @example
 * ```ts
 * const client = createClient(fromEnv());
 * const entra = createClient({ ...fromEnv(), apiKey: undefined, tokenProvider });
 * ```
 */
export function fromEnv(env: Env = readEnv()): ClientConfig {
  const type = env.OPENAI_API_TYPE?.toLowerCase();
  const apiVersion = env.OPENAI_API_VERSION || env.AZURE_OPENAI_API_VERSION || DEFAULT_AZURE_API_VERSION;
  if (env.AZURE_OPENAI_ENDPOINT) {
    return { provider: "azure", endpoint: env.AZURE_OPENAI_ENDPOINT, apiVersion, apiKey: env.AZURE_OPENAI_API_KEY || undefined };
  }
  if ((type == "azure" || type == "azure_ad" || type == "azuread") && env.OPENAI_API_BASE) {
    const key = env.OPENAI_API_KEY || undefined;
    return type == "azure"
      ? { provider: "azure", endpoint: env.OPENAI_API_BASE, apiVersion, apiKey: key }
      : { provider: "azure", endpoint: env.OPENAI_API_BASE, apiVersion, tokenProvider: key ? () => key : undefined };
  }
  if (env.OPENAI_API_KEY) {
    return {
      provider: "openai",
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL || undefined,
      organization: env.OPENAI_ORG_ID || undefined,
      project: env.OPENAI_PROJECT_ID || undefined,
    };
  }
  throw new ConfigError(
    "no OpenAI or Azure OpenAI settings in the environment: set AZURE_OPENAI_ENDPOINT (+ AZURE_OPENAI_API_KEY), " +
      "OPENAI_API_TYPE=azure + OPENAI_API_BASE + OPENAI_API_KEY, or OPENAI_API_KEY",
  );
}
