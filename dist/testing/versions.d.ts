/**
 * The dated Azure OpenAI api-versions the emulator accepts by default (`EmulatorOptions.apiVersions` replaces
 * the list).
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ apiVersions: [...AZURE_API_VERSIONS, "2026-01-01-preview"] });
 * ```
 */
export declare const AZURE_API_VERSIONS: readonly string[];
/** The first dated api-version that serves the Responses API. */
export declare const RESPONSES_SINCE = "2025-03-01-preview";
/** What `?api-version=` may say on the v1 routes: nothing, or the values clients have sent there. */
export declare const V1_VERSIONS: readonly string[];
/** `YYYY-MM-DD` or `YYYY-MM-DD-preview`: the form Azure parses at all. */
export declare const isDated: (version: string) => boolean;
/** Whether `version` is `since` or later (by its date; a preview and a GA of the same day are equal). */
export declare const atLeast: (version: string, since: string) => boolean;
