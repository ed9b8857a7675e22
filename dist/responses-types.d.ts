export type * from "./types/responses-request.js";
export type * from "./types/responses-object.js";
export type * from "./types/responses-events.js";
