export type * from "./types/client.js";
export type * from "./types/shared.js";
export type * from "./types/chat.js";
export type * from "./types/completions.js";
export type * from "./types/embeddings.js";
export type * from "./responses-types.js";
