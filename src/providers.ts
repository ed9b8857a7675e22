// The one place where OpenAI and Azure OpenAI differ: config rules, URL, auth header, body, embedding limits.
import { ConfigError } from "./errors.ts";
import type { ClientConfig, ModelRequest, ProviderName } from "./types.ts";

/** The scope of an Entra ID token for Azure OpenAI. */
export const AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";

/** What the request pipeline needs to know about a provider, resolved once per client. */
export interface Provider {
  name: ProviderName;
  /** Static headers: a key's auth header, organization, project. */
  headers: Record<string, string>;
  /** Turns a token into its auth header. */
  bearer: (token: string) => Record<string, string>;
  /** URL and JSON body of `op` for this request. */
  target: (op: string, req: ModelRequest) => [url: string, body: Record<string, unknown>];
  /** Azure only: the input limit an embeddings 400 names (1 when it names none), or undefined for another error. */
  inputLimit?: (status: number, body: unknown) => number | undefined;
}

const fail = (message: string): never => {
  throw new ConfigError(message);
};

const base = (url: unknown, what: string): string =>
  typeof url == "string" && /^https?:\/\/[^/]/i.test(url) ? url.replace(/\/+$/, "") : fail(`${what} must be an absolute http(s) URL`);

const bearer = (token: string) => ({ authorization: "Bearer " + token });

/** Validates the provider-specific part of a config. Throws ConfigError. */
export function resolveProvider(config: ClientConfig): Provider {
  if (config.provider == "openai") {
    const url = base(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
    const headers: Record<string, string> = config.apiKey ? bearer(config.apiKey) : {};
    if (config.organization) headers["openai-organization"] = config.organization;
    if (config.project) headers["openai-project"] = config.project;
    return {
      name: "openai",
      headers,
      bearer,
      target: (op, { deployment, ...body }) => [url + "/" + op, body],
    };
  }
  if (config.provider != "azure") return fail(`unknown provider ${JSON.stringify((config as { provider?: unknown }).provider)}: use "openai" or "azure"`);
  const root = base(config.endpoint, "azure endpoint") + "/openai/";
  const version = config.apiVersion;
  const v1 = version == "v1";
  if (!v1 && !/^\d{4}-\d\d-\d\d(-preview)?$/.test(version)) fail(`azure apiVersion must be a date like "2024-10-21" or "v1", not ${JSON.stringify(version)}`);
  const map = config.deployments ?? {};
  return {
    name: "azure",
    headers: config.apiKey ? { "api-key": config.apiKey } : {},
    bearer,
    target(op, { deployment, ...body }) {
      const name = deployment ?? map[body.model] ?? body.model;
      // An encoded "." or ".." would still be resolved as a dot segment and leave the deployment path.
      if (!name || name == "." || name == "..") fail(`invalid azure deployment name ${JSON.stringify(name)}`);
      if (v1) return [root + "v1/" + op, { ...body, model: name }];
      return [root + "deployments/" + encodeURIComponent(name) + "/" + op + "?api-version=" + version, body];
    },
    inputLimit(status, body) {
      const error = (body as { error?: { message?: unknown; param?: unknown } } | null)?.error;
      const message = String(error?.message ?? "");
      if (status != 400 || !(/too many inputs/i.test(message) || (error?.param == "input" && /array/i.test(message)))) return;
      return +(/max number of inputs is (\d+)/i.exec(message)?.[1] ?? 1) || 1;
    },
  };
}
