// What error a stream's answer is: an error event the stream carried (chat's `error` object, `event: error`, a
// Responses `response.failed`), or a 200 that answered with JSON instead of streaming. The reader (events.ts)
// decides when; this module builds the error from the answer.
import type { ApiError, OpenAISwitchError } from "./errors.ts";
import type { OpenedStream } from "./send.ts";

/** The JSON `text` holds, or the text itself when it is not JSON. */
export const parseOrKeep = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A non-null object (arrays included): what a JSON event must be. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == "object" && value !== null;

/** A field of an error as ApiError keeps it: a string (Azure sends `code` as "429" or 429), or undefined. */
const asText = (value: unknown): string | undefined => (value == null ? undefined : String(value));

/** The ApiError for an error the stream carried in `body`, its fields found at `keys` (fallback message: `text`). */
export function carriedError(opened: OpenedStream, body: unknown, keys: readonly string[], text: string): ApiError {
  let fields: unknown = body;
  for (const key of keys) fields = isObject(fields) ? fields[key] : undefined;
  const error = isObject(fields) ? fields : {};
  const { response, toError } = opened;
  return toError({
    status: response.status,
    headers: response.headers,
    body,
    message: typeof error.message == "string" ? error.message : text,
    code: asText(error.code),
    param: asText(error.param),
    type: asText(error.type),
  });
}

/** The ApiError or ConnectionError for a 200 that answered with JSON instead of a stream. */
export async function notStreamedError(opened: OpenedStream, response: Response): Promise<OpenAISwitchError> {
  const type = response.headers.get("content-type");
  const text = await response.text();
  const body = parseOrKeep(text);
  // Both APIs put a refusal in an `error` object, whatever their stream looks like.
  if (isObject(body) && isObject(body.error)) return carriedError(opened, body, ["error"], text);
  const problem = `the server did not stream: a ${response.status} with content-type ${type}`;
  return opened.toConnectionError(problem, { status: response.status, body: text });
}
