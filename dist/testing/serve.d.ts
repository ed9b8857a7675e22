/**
 * A running server.
 *
 * @example
 * ```ts
 * const served: Served = await serve(createEmulator().handle);
 * await fetch(`${served.url}/v1/chat/completions`, { method: "POST" });
 * await served.close();
 * ```
 */
export interface Served {
    /** `http://127.0.0.1:PORT`, no trailing slash. */
    url: string;
    port: number;
    close(): Promise<void>;
}
/**
 * Starts an HTTP server on an ephemeral loopback port (or `port`) that answers with `handler`. Response bodies
 * are streamed as they come; when the client goes away, the body is cancelled.
 *
 * @example
 * ```ts
 * const server = await serve(createEmulator().handle);
 * const client = createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1" });
 * await server.close();
 * ```
 */
export declare function serve(handler: (request: Request) => Response | Promise<Response>, options?: {
    port?: number;
    hostname?: string;
}): Promise<Served>;
