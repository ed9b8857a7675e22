// The one place where OpenAI and Azure OpenAI differ: config rules, URL, auth header, body, embedding limits.
import { check } from "./errors.ts";
import type { ClientConfig, ModelRequest, ProviderName } from "./types.ts";

/**
 * The scope of an Entra ID token for Azure OpenAI.
 *
 * @example
 * ```ts
 * const tokenProvider = () => msal.acquireTokenSilent({ scopes: [AZURE_SCOPE], account }).then((r) => r.accessToken);
 * ```
 */
export const AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";

/** What the request pipeline needs to know about a provider, resolved once per client. */
export interface Provider {
  name: ProviderName;
  /** Static headers: a key's auth header, organization, project. (A token goes as `Authorization: Bearer` on both.) */
  headers: Record<string, string>;
  /** URL and JSON body of `op` for this request. */
  target: (op: string, req: ModelRequest) => [url: string, body: Record<string, unknown>];
  /** Azure only: the input limit an embeddings 400 names (1 when it names none), or undefined for another error. */
  inputLimit?: (status: number, body: unknown) => number | undefined;
}

const base = (url: unknown, what: string): string => {
  check(/^https?:\/\/[^/]/i.test(url as string), what + " must be an http(s) URL");
  return (url as string).replace(/\/+$/, "");
};

/** Validates the provider-specific part of a config. Throws ConfigError. */
export function resolveProvider(config: ClientConfig): Provider {
  if (config?.provider == "openai") {
    const url = base(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
    const headers: Record<string, string> = config.apiKey ? { authorization: "Bearer " + config.apiKey } : {};
    if (config.organization) headers["openai-organization"] = config.organization;
    if (config.project) headers["openai-project"] = config.project;
    return {
      name: "openai",
      headers,
      target(op, { deployment, ...body }) {
        check(body.model, "model is required");
        return [url + "/" + op, body];
      },
    };
  }
  check(config?.provider == "azure", 'provider must be "openai" or "azure"');
  const root = base(config.endpoint, "azure endpoint") + "/openai/";
  const version = config.apiVersion;
  const v1 = version == "v1";
  check(v1 || /^\d{4}-\d\d-\d\d(-preview)?$/.test(version), 'apiVersion must be like "2024-10-21" or "v1"');
  return {
    name: "azure",
    headers: config.apiKey ? { "api-key": config.apiKey } : {},
    target(op, { deployment, ...body }) {
      const name = (deployment ?? config.deployments?.[body.model] ?? body.model) as string;
      // A string (not an inherited property like "toString"), and not "." or "..": even encoded, a dot segment
      // would be resolved and leave the deployment path.
      check(typeof name == "string" && !/^\.{0,2}$/.test(name), "bad deployment name: " + name);
      if (v1) return [root + "v1/" + op, { ...body, model: name }];
      return [root + "deployments/" + encodeURIComponent(name) + "/" + op + "?api-version=" + version, body];
    },
    inputLimit(status, body) {
      // "Too many inputs. The max number of inputs is N." — or another 400 about `input`, which a smaller call may pass.
      const error = (body as { error?: { message?: unknown; param?: unknown } } | null)?.error;
      const message = "" + error?.message;
      if (status == 400 && (/too many inputs/i.test(message) || error?.param == "input")) return +(/(?:inputs is|1 to) (\d+)/i.exec(message)?.[1] ?? 1) || 1;
    },
  };
}
