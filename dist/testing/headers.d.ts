import type { Flavor } from "./refusals.js";
/** The request headers a preflight allows: the ones the services' clients need, plus the test's own. */
export declare const corsHeaders: (extra?: string[]) => string[];
/** The answer to an OPTIONS preflight: any origin, the methods served, and only the allowed headers asked for. */
export declare function preflight(request: Request, allowed: string[]): Record<string, string>;
/** Request ids and the other headers every answer of a service carries. */
export declare function responseHeaders(flavor: Flavor, serial: number): Record<string, string>;
