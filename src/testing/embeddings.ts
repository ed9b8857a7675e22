// The embeddings call: its input rules, Azure's old per-deployment input limits, and the vectors.
import { invalid, openaiError, Refusal } from "./refusals.ts";
import { embeddings } from "./replies.ts";
import type { DeploymentOptions, RequestBody } from "./types.ts";

/**
 * The message Azure answers (HTTP 400) when a call has more embedding inputs than the deployment takes.
 *
 * @example
 * ```ts
 * expect(error.message).toBe(tooManyInputsMessage(16));
 * ```
 */
export const tooManyInputsMessage = (max: number): string =>
  `Too many inputs. The max number of inputs is ${max}.  We hope to increase the number of inputs per request soon. Please contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 for further questions.`;

const ENCODINGS = ["float", "base64"];

/** The inputs of an embeddings request, checked as the services check them. */
export function embeddingInputs(body: RequestBody): string[] {
  const { input } = body;
  const inputs = typeof input == "string" ? [input] : input;
  if (!Array.isArray(inputs) || !inputs.length || inputs.length > 2048 || inputs.some((t) => typeof t != "string")) {
    invalid("'input' must be a string or an array of 1 to 2048 strings", "input");
  }
  const texts = inputs as string[];
  const empty = texts.findIndex((t) => !t);
  if (empty >= 0) invalid(`'$.input[${empty}]' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.`, "input");
  const format = body.encoding_format;
  if (format !== undefined && !ENCODINGS.includes(String(format))) {
    invalid(`Invalid value: '${String(format)}'. Supported values are: 'float' and 'base64'.`, "encoding_format", "invalid_value");
  }
  return texts;
}

/** The embeddings response for checked `inputs`. */
export function embed(body: RequestBody, inputs: string[], model: string, settings: DeploymentOptions): unknown {
  const max = settings.maxInputs ?? 2048;
  // Azure's model servers answer in OpenAI's shape, with a null code.
  if (inputs.length > max) throw new Refusal(400, openaiError(tooManyInputsMessage(max)));
  const dimensions = body.dimensions ?? (/3-large/.test(model) ? 3072 : 1536);
  if (!Number.isInteger(dimensions) || dimensions < 1) invalid("dimensions must be a positive integer", "dimensions");
  return embeddings(model, inputs, dimensions, body.encoding_format == "base64" && !settings.ignoresEncodingFormat);
}
