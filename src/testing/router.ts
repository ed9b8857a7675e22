// Which operation a request is, from its method and URL, on each route form the services have:
//   OpenAI          /v1/{path}
//   Azure v1        /openai/v1/{path}                             (model = deployment in the body)
//   Azure dated     /openai/deployments/{d}/{path}?api-version=…  (chat, completions, embeddings)
//                   /openai/{path}?api-version=…                  (the Responses API, from 2025-03-01-preview)
import { type Flavor, invalidUrl, notFound, Refusal, azureError } from "./refusals.ts";
import { atLeast, AZURE_API_VERSIONS, isDated, RESPONSES_SINCE, V1_VERSIONS } from "./versions.ts";

/** The operations the emulator serves, named by their path on the wire. */
export type Operation =
  | "chat/completions"
  | "completions"
  | "embeddings"
  | "responses"
  | "responses/{id}"
  | "responses/{id}/cancel"
  | "responses/{id}/input_items";

type Form = "openai" | "v1" | "deployment" | "dated";

interface Spec {
  operation: Operation;
  methods: string[];
  forms: Form[];
  /** The first dated api-version that serves it, with the service's words for older ones. */
  since?: { version: string; message: string };
}

const RESPONSES_ONLY_SINCE = {
  version: RESPONSES_SINCE,
  message: `Responses API is enabled only for api-version ${RESPONSES_SINCE} and later`,
};
const RESPONSES_FORMS: Form[] = ["openai", "v1", "dated"];

const SPECS: Spec[] = [
  { operation: "chat/completions", methods: ["POST"], forms: ["openai", "v1", "deployment"] },
  // Azure's v1 routes do not serve legacy completions.
  { operation: "completions", methods: ["POST"], forms: ["openai", "deployment"] },
  { operation: "embeddings", methods: ["POST"], forms: ["openai", "v1", "deployment"] },
  { operation: "responses", methods: ["POST"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}", methods: ["GET", "DELETE"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}/cancel", methods: ["POST"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
  { operation: "responses/{id}/input_items", methods: ["GET"], forms: RESPONSES_FORMS, since: RESPONSES_ONLY_SINCE },
];

/** A request, understood. */
export interface Route {
  flavor: Flavor;
  operation: Operation;
  /** The Azure deployment named in the path (dated chat, completions, embeddings). */
  deployment?: string;
  /** The `{id}` of a Responses call, decoded. */
  id?: string;
  /** The api-version asked for on Azure (empty on v1 without one). */
  apiVersion?: string;
}

/** Which service a path speaks, before it is known to be served. */
export const flavorOf = (url: URL): Flavor => (url.pathname.startsWith("/openai/") ? "azure" : "openai");

/** Finds the operation, or throws the answer the service gives to a path, method or api-version it does not serve. */
export function route(method: string, url: URL, apiVersions: readonly string[] = AZURE_API_VERSIONS): Route {
  const path = url.pathname;
  const version = url.searchParams.get("api-version") ?? "";
  let form: Form;
  let rest: string;
  let deployment: string | undefined;
  const inDeployment = /^\/openai\/deployments\/([^/]+)\/(.+)$/.exec(path);
  if (path.startsWith("/v1/")) {
    form = "openai";
    rest = path.slice("/v1/".length);
  } else if (path.startsWith("/openai/v1/")) {
    form = "v1";
    rest = path.slice("/openai/v1/".length);
  } else if (inDeployment) {
    form = "deployment";
    deployment = decoded(inDeployment[1] ?? "");
    rest = inDeployment[2] ?? "";
  } else if (path.startsWith("/openai/")) {
    form = "dated";
    rest = path.slice("/openai/".length);
  } else {
    throw invalidUrl(method, path);
  }
  const found = match(rest);
  const served = found && found.spec.forms.includes(form) && found.spec.methods.includes(method);
  if (!served) throw form == "openai" ? invalidUrl(method, path) : notFound();
  const { spec, id } = found;
  if (form == "openai") return { flavor: "openai", operation: spec.operation, id };
  if (form == "v1") {
    if (!V1_VERSIONS.includes(version)) throw unsupportedVersion();
    return { flavor: "azure", operation: spec.operation, id, apiVersion: version };
  }
  checkDated(version, apiVersions, spec);
  return { flavor: "azure", operation: spec.operation, deployment, id, apiVersion: version };
}

/** A dated api-version: missing or malformed → 404; well-formed but unknown → 400; too old for the operation → 400. */
function checkDated(version: string, apiVersions: readonly string[], spec: Spec) {
  if (!isDated(version)) throw notFound();
  if (!apiVersions.includes(version)) throw unsupportedVersion();
  if (spec.since && !atLeast(version, spec.since.version)) throw new Refusal(400, azureError("BadRequest", spec.since.message));
}

const unsupportedVersion = () => new Refusal(400, azureError("BadRequest", "API version not supported"));

function match(rest: string): { spec: Spec; id?: string } | undefined {
  const parts = rest.split("/");
  for (const spec of SPECS) {
    const pattern = spec.operation.split("/");
    if (pattern.length != parts.length) continue;
    let id: string | undefined;
    const fits = pattern.every((segment, i) => {
      const part = parts[i] ?? "";
      if (segment != "{id}") return segment == part;
      id = decoded(part);
      return part.length > 0;
    });
    if (fits) return { spec, id };
  }
  return undefined;
}

/** A path segment, decoded; a malformed escape is a path the service does not serve. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw notFound();
  }
}
