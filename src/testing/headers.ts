// The headers each service puts on its answers, and CORS preflight answered like Azure.
import type { Flavor } from "./refusals.ts";

const DEFAULT_CORS_HEADERS = ["authorization", "api-key", "content-type", "accept", "openai-organization", "openai-project"];

/** The request headers a preflight allows: the ones the services' clients need, plus the test's own. */
export const corsHeaders = (extra: string[] = []): string[] => [...DEFAULT_CORS_HEADERS, ...extra.map((h) => h.toLowerCase())];

/** The answer to an OPTIONS preflight: any origin, the methods served, and only the allowed headers among those asked. */
export function preflight(request: Request, allowed: string[]): Record<string, string> {
  const asked = (request.headers.get("access-control-request-headers") ?? "")
    .toLowerCase()
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers": asked.filter((h) => allowed.includes(h)).join(", "),
    "access-control-max-age": "600",
  };
}

/** Request ids and the other headers every answer of a service carries. */
export function responseHeaders(flavor: Flavor, serial: number): Record<string, string> {
  const id = serial.toString(16).padStart(12, "0");
  if (flavor == "azure") {
    return { "apim-request-id": `00000000-0000-4000-8000-${id}`, "x-request-id": `00000000-0000-4000-9000-${id}`, "x-ms-region": "East US", "access-control-allow-origin": "*" };
  }
  return { "x-request-id": `req_${id}`, "openai-processing-ms": "1", "openai-version": "2020-10-01", "access-control-allow-origin": "*" };
}
