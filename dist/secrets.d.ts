/**
 * Values shorter than this are not scrubbed: no real credential is that short, and replacing a test key such as
 * `"k"` everywhere would mangle every error (header names, JSON) for nothing.
 */
export declare const MIN_SECRET_LENGTH = 8;
/** Header and query parameter names whose values are credentials (`api-key`, `Ocp-Apim-Subscription-Key`, `sig`…). */
export declare const isSecretName: (name: string) => boolean;
/**
 * The credentials among `headers`: the value of each header whose name says key, token, secret or auth, and, for
 * `Authorization: Bearer x` forms, the credential after the scheme as well.
 */
export declare function headerSecrets(headers: Record<string, string>): string[];
/** Takes the secrets of one attempt out of text, values, headers, URLs and errors. */
export interface Scrubber {
    /** `text` with every echo of a secret, and any URL password, replaced by "[redacted]". */
    text(text: string): string;
    /** `value` with its strings scrubbed, deeply (arrays, plain objects, Headers, errors: an error is kept if clean). */
    value<T>(value: T): T;
    /** A copy of `headers` with scrubbed values (names untouched). */
    headers(headers: Headers): Headers;
    /** `url` for a message: the values of secret-named query parameters redacted, then scrubbed. */
    url(url: string): string;
}
/**
 * The secrets a client always sends (key, secret headers, secret query values of its endpoint). Immutable: an
 * attempt's own secrets (its token, its call's secret headers) are added by {@link SecretStore.scrubber}, so each
 * error is scrubbed with exactly what its attempt sent.
 */
export interface SecretStore {
    scrubber(attemptSecrets?: readonly (string | undefined)[]): Scrubber;
}
/** A store of `secrets` (short and undefined values are dropped). */
export declare function createSecretStore(secrets: readonly (string | undefined)[]): SecretStore;
