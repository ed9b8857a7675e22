// The types of the Responses API (`client.responses`): requests, the response object, its output items and the
// stream events; POST/GET/DELETE …/responses…, the same calls on OpenAI, Azure v1 and dated Azure versions.
// Re-exported by types.ts.
export type * from "./types/responses-request.ts";
export type * from "./types/responses-object.ts";
export type * from "./types/responses-events.ts";
