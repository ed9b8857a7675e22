// The one place where OpenAI and Azure OpenAI differ: config rules, URLs (read from the operations table), auth
// headers, bodies, the embedding input limit Azure names, and hints for the errors Azure users ask about.
import { check, headerValue } from "./errors.ts";
import { type Method, OPERATIONS, type OperationName } from "./operations.ts";
import { isSecretName } from "./secrets.ts";
import type { ClientConfig, ProviderName } from "./types.ts";

/**
 * The scope of an Entra ID token for Azure OpenAI.
 *
 * @example
 * ```ts
 * const tokenProvider = () => msal.acquireTokenSilent({ scopes: [AZURE_SCOPE], account }).then((r) => r.accessToken);
 * ```
 */
export const AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";

/** A query parameter's value: a list is sent as the same name repeated (`include[]=a&include[]=b`). */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** What an operation addresses besides its request body. */
export interface Where {
  /** Fills `{id}` in the operation's path, as one encoded segment. */
  id?: string;
  /** Query parameters, merged after the endpoint's own query and `api-version`; undefined values are left out. */
  query?: Record<string, QueryValue>;
}

/** Where one call goes and what it sends. */
export interface Target {
  url: string;
  /** The JSON body; undefined for an operation that takes none. */
  body?: Record<string, unknown>;
  /** Azure: the deployment addressed (for error hints). */
  deployment?: string;
}

/** What the service said in an error, for {@link Provider.hint}. */
export interface ErrorFacts {
  status: number;
  code?: string;
  message: string;
}

/** What a provider needs to know, resolved once per client. */
export interface Provider {
  name: ProviderName;
  /** Static headers: a key's auth header, organization, project. (A token goes as `Authorization: Bearer` on both.) */
  headers: Record<string, string>;
  /** The credentials this provider puts on every request (the key, secret query values of the endpoint). */
  secrets: string[];
  /** URL and body of `operation` for `request`. Throws ConfigError (before any request) on bad input. */
  target(operation: OperationName, request?: object, where?: Where): Target;
  /** Azure only: the input limit an embeddings 400 names ("Too many inputs … is N"), else undefined. */
  inputLimit?(status: number, body: unknown): number | undefined;
  /** Azure only: a short hint for the errors every tracker asks about, appended to the service's message. */
  hint?(error: ErrorFacts, sent: { method: Method; url: string; deployment?: string }): string | undefined;
}

/** A base URL, parsed: `root` without a trailing slash, and its own query (kept on every request). */
interface Root {
  root: string;
  query: URLSearchParams;
  secrets: string[];
}

function parseRoot(url: unknown, what: string): Root {
  const text = typeof url == "string" ? url.trim() : "";
  let parsed: URL | undefined;
  try {
    parsed = new URL(text);
  } catch {}
  // Credentials go in apiKey, tokenProvider or headers, never in the URL; a fragment would cut off the API path.
  const sound = /^https?:\/\/[^/]/i.test(text) && parsed?.hostname && !/[\s#]/.test(text);
  const message = what + " must be an http(s) URL with a host, no spaces, user or #fragment";
  check(sound && !parsed?.username && !parsed?.password, message);
  const { search, origin, pathname } = parsed as URL;
  const query = new URLSearchParams(search);
  const secrets: string[] = [];
  for (const [name, value] of query) if (isSecretName(name)) secrets.push(value);
  return { root: origin + pathname.replace(/\/+$/, ""), query, secrets };
}

/** `id` as one path segment: a non-empty string, encoded, and never "." or ".." (which URLs resolve away). */
const segment = (id: unknown, what: string): string => {
  check(typeof id == "string" && !/^\.{0,2}$/.test(id), `bad ${what}: ${JSON.stringify(id)}`);
  return encodeURIComponent(id as string);
};

const withQuery = (url: string, base: URLSearchParams, extra: Record<string, string | undefined>, where?: Where) => {
  const query = new URLSearchParams(base);
  for (const [name, value] of Object.entries({ ...extra, ...where?.query })) {
    query.delete(name);
    for (const item of [value ?? []].flat()) query.append(name, String(item));
  }
  const search = query.toString();
  return search ? url + "?" + search : url;
};

/** The fields of a request as the body sends them: `extra_body` spread first, `deployment` never sent. */
function bodyOf(request: object): Record<string, unknown> {
  const { deployment, extra_body, ...fields } = request as { deployment?: unknown; extra_body?: object };
  return { ...extra_body, ...fields };
}

/** Whether the dated api-version `version` is `since` or later (a preview comes before the GA of its date). */
export function datedAtLeast(version: string, since: string): boolean {
  const day = version.slice(0, 10);
  const sinceDay = since.slice(0, 10);
  if (day != sinceDay) return day > sinceDay;
  return !version.endsWith("-preview") || since.endsWith("-preview");
}

const requestObject = (request: unknown): object => {
  check(request !== null && typeof request == "object" && !Array.isArray(request), "the request must be an object");
  return request as object;
};

/** Validates the provider-specific part of a config. Throws ConfigError. */
export function resolveProvider(config: ClientConfig): Provider {
  if (config?.provider == "openai") return openai(config);
  check(config?.provider == "azure", 'provider must be "openai" or "azure"');
  return azure(config as Extract<ClientConfig, { provider: "azure" }>);
}

function openai(config: Extract<ClientConfig, { provider: "openai" }>): Provider {
  const { root, query, secrets } = parseRoot(config.baseURL ?? "https://api.openai.com/v1", "baseURL");
  const apiKey = config.apiKey === undefined ? undefined : headerValue(config.apiKey, "apiKey");
  const headers: Record<string, string> = apiKey ? { authorization: "Bearer " + apiKey } : {};
  if (config.organization) headers["openai-organization"] = headerValue(config.organization, "organization");
  if (config.project) headers["openai-project"] = headerValue(config.project, "project");
  return {
    name: "openai",
    headers,
    secrets: apiKey ? [apiKey, ...secrets] : secrets,
    target(operation, request, where) {
      const { path, deployment } = OPERATIONS[operation];
      const url = withQuery(root + "/" + path.replace("{id}", () => segment(where?.id, "id")), query, {}, where);
      if (deployment == "none") return { url };
      const body = bodyOf(requestObject(request));
      check(body.model && typeof body.model == "string", "model is required");
      return { url, body };
    },
  };
}

function azure(config: Extract<ClientConfig, { provider: "azure" }>): Provider {
  // An endpoint copied with the API's own prefix (…/openai, or …/openai/v1 as the v1 docs write base_url) is the
  // resource root plus that prefix: the prefix is dropped, so the URL never becomes /openai/openai/….
  const endpoint = parseRoot(config.endpoint, "azure endpoint");
  const resource = endpoint.root.replace(/\/openai(?:\/v1)?$/i, "");
  const version = config.apiVersion;
  const v1 = version == "v1";
  check(v1 || /^\d{4}-\d\d-\d\d(-preview)?$/.test(version), 'apiVersion must be like "2024-10-21" or "v1"');
  const apiKey = config.apiKey === undefined ? undefined : headerValue(config.apiKey, "apiKey");
  const deployments = config.deployments ?? {};
  // Own properties only: a model named "constructor" or "toString" is not the Object prototype's.
  const deploymentOf = (request: { model?: unknown; deployment?: unknown }) => {
    const model = request.model;
    if (request.deployment !== undefined) return request.deployment;
    return typeof model == "string" && Object.hasOwn(deployments, model) ? deployments[model] : model;
  };

  return {
    name: "azure",
    headers: apiKey ? { "api-key": apiKey } : {},
    secrets: apiKey ? [apiKey, ...endpoint.secrets] : endpoint.secrets,
    target(operation, request, where) {
      const { path, deployment, since, v1: onV1 } = OPERATIONS[operation];
      if (v1) check(onV1, `${operation} is not on Azure's v1 API: use a dated apiVersion (${since} or later)`);
      else check(since && datedAtLeast(version, since), `${operation} needs apiVersion ${since} or later, or "v1"`);
      const filled = path.replace("{id}", () => segment(where?.id, "id"));
      const versionQuery = { "api-version": v1 ? undefined : version };
      const api = resource + (v1 ? "/openai/v1/" : "/openai/");
      if (deployment == "none") return { url: withQuery(api + filled, endpoint.query, versionQuery, where) };

      const fields = bodyOf(requestObject(request));
      const name = deploymentOf(request as { model?: unknown; deployment?: unknown });
      check(name !== undefined && name !== "", "model is required");
      const encoded = segment(name, "deployment name");
      if (deployment == "path" && !v1) {
        const url = withQuery(api + "deployments/" + encoded + "/" + filled, endpoint.query, versionQuery, where);
        return { url, body: fields, deployment: name as string };
      }
      const url = withQuery(api + filled, endpoint.query, versionQuery, where);
      return { url, body: { ...fields, model: name }, deployment: name as string };
    },
    inputLimit(status, body) {
      // Only the service's own input-limit messages: "Too many inputs. The max number of inputs is 16. …" and
      // "… must be a string or an array of 1 to 2048 strings". Any other 400 about `input` is an ordinary error.
      const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
      if (status != 400 || typeof message != "string") return undefined;
      const limit = /too many inputs\b.*\binputs is (\d+)/i.exec(message) ?? /\barray of 1 to (\d+)\b/i.exec(message);
      const count = limit ? Number(limit[1]) : 0;
      return count >= 1 ? count : undefined;
    },
    hint({ status, code, message }, { method, deployment }) {
      const since = /enabled only for api-version (\S+?) and later/i.exec(message)?.[1];
      if (since) return `set apiVersion to ${since} or later, or "v1"`;
      const name = `"${deployment ?? ""}"`;
      if (code == "DeploymentNotFound") {
        return `no deployment ${name} at ${resource}: use the deployment's name, or map the model with deployments`;
      }
      if (status == 404 && /resource not found/i.test(message)) {
        const tried = `the endpoint ${resource}, the deployment ${name} and apiVersion "${version}"`;
        return `${method} found no route: check ${tried}`;
      }
      return undefined;
    },
  };
}
