import { type Flavor } from "./refusals.js";
/** The operations the emulator serves, named by their path on the wire. */
export type Operation = "chat/completions" | "completions" | "embeddings" | "responses" | "responses/{id}" | "responses/{id}/cancel" | "responses/{id}/input_items";
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
export declare const flavorOf: (url: URL) => Flavor;
/** Finds the operation, or throws the answer the service gives to a path, method or api-version it does not serve. */
export declare function route(method: string, url: URL, apiVersions?: readonly string[]): Route;
