import type { ApiError, OpenAISwitchError } from "./errors.js";
import type { OpenedStream } from "./send.js";
/** The JSON `text` holds, or the text itself when it is not JSON. */
export declare const parseOrKeep: (text: string) => unknown;
/** A non-null object (arrays included): what a JSON event must be. */
export declare const isObject: (value: unknown) => value is Record<string, unknown>;
/** The ApiError for an error the stream carried in `body`, its fields found at `keys` (fallback message: `text`). */
export declare function carriedError(opened: OpenedStream, body: unknown, keys: readonly string[], text: string): ApiError;
/** The ApiError or ConnectionError for a 200 that answered with JSON instead of a stream. */
export declare function notStreamedError(opened: OpenedStream, response: Response): Promise<OpenAISwitchError>;
