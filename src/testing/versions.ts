// The dated Azure api-versions the emulator knows, in one place: GA versions and the previews Microsoft has
// published. A well-formed version that is not here is refused the way the service refuses it.

/**
 * The dated Azure OpenAI api-versions the emulator accepts by default (`EmulatorOptions.apiVersions` replaces
 * the list).
 *
 * @example
 * ```ts
 * const emulator = createEmulator({ apiVersions: [...AZURE_API_VERSIONS, "2026-01-01-preview"] });
 * ```
 */
export const AZURE_API_VERSIONS: readonly string[] = [
  "2022-12-01",
  "2023-05-15",
  "2024-02-01",
  "2024-06-01",
  "2024-10-21",
  "2023-03-15-preview",
  "2023-06-01-preview",
  "2023-07-01-preview",
  "2023-08-01-preview",
  "2023-09-01-preview",
  "2023-10-01-preview",
  "2023-12-01-preview",
  "2024-02-15-preview",
  "2024-03-01-preview",
  "2024-04-01-preview",
  "2024-05-01-preview",
  "2024-07-01-preview",
  "2024-08-01-preview",
  "2024-09-01-preview",
  "2024-10-01-preview",
  "2024-12-01-preview",
  "2025-01-01-preview",
  "2025-02-01-preview",
  "2025-03-01-preview",
  "2025-04-01-preview",
];

/** The first dated api-version that serves the Responses API. */
export const RESPONSES_SINCE = "2025-03-01-preview";

/** What `?api-version=` may say on the v1 routes: nothing, or the values clients have sent there. */
export const V1_VERSIONS: readonly string[] = ["", "v1", "preview", "latest"];

const DATED = /^\d{4}-\d\d-\d\d(-preview)?$/;

/** `YYYY-MM-DD` or `YYYY-MM-DD-preview`: the form Azure parses at all. */
export const isDated = (version: string): boolean => DATED.test(version);

/** Whether `version` is `since` or later (by its date; a preview and a GA of the same day are equal). */
export const atLeast = (version: string, since: string): boolean => version.slice(0, 10) >= since.slice(0, 10);
