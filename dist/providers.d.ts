import { type Method, type OperationName } from "./operations.js";
import type { ClientConfig, ProviderName } from "./types.js";
/**
 * The scope of an Entra ID token for Azure OpenAI.
 *
 * @example
 * ```ts
 * const tokenProvider = () => msal.acquireTokenSilent({ scopes: [AZURE_SCOPE], account }).then((r) => r.accessToken);
 * ```
 */
export declare const AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";
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
    hint?(error: ErrorFacts, sent: {
        method: Method;
        url: string;
        deployment?: string;
    }): string | undefined;
}
/** Whether the dated api-version `version` is `since` or later (a preview comes before the GA of its date). */
export declare function datedAtLeast(version: string, since: string): boolean;
/** Validates the provider-specific part of a config. Throws ConfigError. */
export declare function resolveProvider(config: ClientConfig): Provider;
