// The secrets a client sends, and the one way they are taken out of whatever an error carries: its message, body,
// headers and cause chain. Values are replaced, never names or JSON structure, and building an error never throws.

/**
 * Values shorter than this are not scrubbed: no real credential is that short, and replacing a test key such as
 * `"k"` everywhere would mangle every error (header names, JSON) for nothing.
 */
export const MIN_SECRET_LENGTH = 8;

const REDACTED = "[redacted]";

/** Header and query parameter names whose values are credentials (`api-key`, `Ocp-Apim-Subscription-Key`, `sig`…). */
export const isSecretName = (name: string): boolean => /auth|cookie|key|token|secret|password|sig/i.test(name);

// A password in a URL's userinfo: "https://user:pw@host" (a proxy URL in a fetch wrapper's error, say).
const USERINFO_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/**
 * A pattern that finds `secret` as sent, and as a server may echo it: each character as is, JSON-escaped (`\/`,
 * `\"`, `\u00xx`) or percent-encoded (`%2F`), in any mix.
 */
function echoPattern(secret: string): RegExp {
  let source = "";
  for (const char of secret) {
    const code = char.codePointAt(0) ?? 0;
    const forms = [escapeRegExp(char), "\\\\" + escapeRegExp(char)];
    if (code < 0x10000) forms.push("\\\\u" + code.toString(16).padStart(4, "0"));
    if (code < 0x80) forms.push("%" + code.toString(16).padStart(2, "0"));
    source += "(?:" + forms.join("|") + ")";
  }
  return new RegExp(source, "gi");
}

/** The values worth scrubbing among `values`: strings of real-credential length, trimmed as they were sent. */
const worthScrubbing = (values: readonly (string | undefined)[]): string[] =>
  values.filter((value): value is string => typeof value == "string" && value.length >= MIN_SECRET_LENGTH);

/**
 * The credentials among `headers`: the value of each header whose name says key, token, secret or auth, and, for
 * `Authorization: Bearer x` forms, the credential after the scheme as well.
 */
export function headerSecrets(headers: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name)) continue;
    found.push(value);
    const credential = /^\w+ +(\S+)$/.exec(value)?.[1];
    if (credential) found.push(credential);
  }
  return found;
}

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
export function createSecretStore(secrets: readonly (string | undefined)[]): SecretStore {
  const fixed = worthScrubbing(secrets).map(echoPattern);
  return {
    scrubber(attemptSecrets = []) {
      // Every attempt gets a scrubber, few build an error: an attempt's patterns are made at the first use.
      let patterns: RegExp[] | undefined;
      return createScrubber(() => {
        if (!patterns) patterns = [...fixed, ...worthScrubbing(attemptSecrets).map(echoPattern)];
        return patterns;
      });
    },
  };
}

const isPlainObject = (value: object): boolean => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

// The built-in error classes a scrubbed copy of a cause keeps (so `instanceof TypeError` still holds).
const ERROR_CLASSES = [TypeError, SyntaxError, RangeError];

// Causes nest a few levels (fetch's TypeError → the socket's error → an AggregateError): what lies deeper (or
// loops back) is left out rather than walked.
const MAX_DEPTH = 8;
const TOO_DEEP = "[not shown: nested too deep, or unreadable]";

function createScrubber(patterns: () => RegExp[]): Scrubber {
  // Set whenever text() replaced something: tells an error that needs a scrubbed copy from one that is clean.
  let replaced = false;

  const text = (input: string): string => {
    let output = input.replace(USERINFO_PASSWORD, "$1" + REDACTED + "@");
    for (const pattern of patterns()) output = output.replace(pattern, REDACTED);
    if (output !== input) replaced = true;
    return output;
  };

  const headers = (input: Headers): Headers => {
    const output = new Headers();
    try {
      for (const [name, value] of input) output.append(name, text(value));
    } catch {
      // A runtime that refuses a header we copy: better fewer headers than no error.
    }
    return output;
  };

  /** `scrub()`, or `fallback` if reading the value threw (a getter that throws): building an error never fails. */
  const safely = <T>(scrub: () => T, fallback: T): T => {
    try {
      return scrub();
    } catch {
      replaced = true;
      return fallback;
    }
  };

  /** A copy of an error with its message, stack, fields and cause scrubbed; the error itself when it is clean. */
  const error = (input: Error, depth: number): Error => {
    const outer = replaced;
    replaced = false;
    const name = safely(() => text(String(input.name)), "Error");
    const message = safely(() => text(String(input.message)), "");
    const stack = safely(() => (input.stack === undefined ? undefined : text(input.stack)), undefined);
    const fields = safely(() => value({ ...input } as Record<string, unknown>, depth + 1), {});
    const cause = safely(() => value(input.cause, depth + 1), TOO_DEEP);
    const changed = replaced;
    replaced = outer || changed;
    if (!changed) return input;
    const Class = ERROR_CLASSES.find((type) => input instanceof type) ?? Error;
    const copy = new Class(message, "cause" in input ? { cause } : undefined);
    Object.assign(copy, fields);
    const writable = (value: unknown) => ({ value, writable: true, configurable: true });
    if (copy.name !== name) Object.defineProperty(copy, "name", writable(name));
    Object.defineProperty(copy, "stack", writable(stack));
    return copy;
  };

  const value = <T>(input: T, depth = 0): T => {
    if (typeof input == "string") return text(input) as T;
    if (input === null || typeof input != "object") return input;
    if (depth > MAX_DEPTH) {
      replaced = true;
      return TOO_DEEP as T;
    }
    if (input instanceof Error) return error(input, depth) as T;
    if (input instanceof Headers) return headers(input) as T;
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1)) as T;
    if (!isPlainObject(input)) return input; // class instances (a Request, a Map) are left as they are
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) output[key] = value(item, depth + 1);
    return output as T;
  };

  const url = (input: string): string => {
    const redacted = input.replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, separator: string, name: string) =>
      isSecretName(name) ? separator + name + "=" + REDACTED : whole,
    );
    return text(redacted);
  };

  return { text, value: (input) => value(input), headers, url };
}
