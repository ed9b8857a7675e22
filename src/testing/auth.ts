// Who may call: OpenAI's bearer keys; Azure's api-key header, Entra ID tokens, and (on v1) keys sent as a bearer.
import { AZURE_DENIED, azureError, type Flavor, openaiError, Refusal } from "./refusals.ts";

/** The credentials the emulator accepts (`EmulatorOptions` fields of the same names). */
export interface Credentials {
  openaiKeys?: string[];
  azureKeys?: string[];
  azureTokens?: string[] | ((token: string) => boolean);
}

const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.";

/** Throws the service's 401 unless the request carries an accepted credential. */
export function authorize(flavor: Flavor, headers: Headers, credentials: Credentials, onV1: boolean): void {
  const bearer = /^Bearer (.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (flavor == "openai") return authorizeOpenAI(bearer, credentials.openaiKeys);
  const key = headers.get("api-key");
  if (key ? keyAccepted(key, credentials) : bearerAccepted(bearer, credentials, onV1)) return;
  throw new Refusal(401, azureError("401", AZURE_DENIED));
}

function authorizeOpenAI(bearer: string | undefined, keys: string[] | undefined) {
  if (!bearer) throw new Refusal(401, openaiError(NO_KEY));
  const accepted = keys ? keys.includes(bearer) : bearer.startsWith("sk-");
  if (accepted) return;
  const shown = `${bearer.slice(0, 3)}***${bearer.slice(-4)}`;
  const message = `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`;
  throw new Refusal(401, openaiError(message, { code: "invalid_api_key" }));
}

/** Without `azureKeys`, any non-empty key is accepted. */
const keyAccepted = (key: string, { azureKeys }: Credentials) => !azureKeys || azureKeys.includes(key);

/**
 * A bearer is an Entra ID token, or on v1 also an API key (Microsoft's v1 docs use the plain OpenAI client, which
 * sends the key that way). Without `azureTokens`, any token is accepted only when no `azureKeys` are listed
 * either: a test that lists its keys does not want a wrong one to pass as a "token".
 */
function bearerAccepted(bearer: string | undefined, credentials: Credentials, onV1: boolean): boolean {
  if (!bearer) return false;
  if (onV1 && credentials.azureKeys?.includes(bearer)) return true;
  const tokens = credentials.azureTokens;
  if (!tokens) return !credentials.azureKeys;
  return typeof tokens == "function" ? tokens(bearer) : tokens.includes(bearer);
}
