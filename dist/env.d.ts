import type { ClientConfig } from "./types.js";
type Env = Record<string, string | undefined>;
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
export declare function fromEnv(env?: Env): ClientConfig;
export {};
