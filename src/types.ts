// The request and response types of every call, in one place for the library's modules and mod.ts: client
// settings, chat, completions and embeddings (each in types/), and the Responses API's (responses-types.ts).
export type * from "./types/client.ts";
export type * from "./types/shared.ts";
export type * from "./types/chat.ts";
export type * from "./types/completions.ts";
export type * from "./types/embeddings.ts";
export type * from "./responses-types.ts";
