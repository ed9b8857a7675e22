import { type Context } from "./send.js";
/** Yields each `data:` event of a streamed call as parsed JSON, until `data: [DONE]`. */
export declare function chunks<T>(c: Context, open: () => Promise<Response>, signal?: AbortSignal): AsyncGenerator<T, void, undefined>;
