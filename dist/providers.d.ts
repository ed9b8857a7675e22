import type { ClientConfig, ModelRequest, ProviderName } from "./types.js";
/**
 * The scope of an Entra ID token for Azure OpenAI.
 *
 * @example
 * ```ts
 * const tokenProvider = () => msal.acquireTokenSilent({ scopes: [AZURE_SCOPE], account }).then((r) => r.accessToken);
 * ```
 */
export declare const AZURE_SCOPE = "https://cognitiveservices.azure.com/.default";
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
/** Validates the provider-specific part of a config. Throws ConfigError. */
export declare function resolveProvider(config: ClientConfig): Provider;
