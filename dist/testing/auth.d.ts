import { type Flavor } from "./refusals.js";
/** The credentials the emulator accepts (`EmulatorOptions` fields of the same names). */
export interface Credentials {
    openaiKeys?: string[];
    azureKeys?: string[];
    azureTokens?: string[] | ((token: string) => boolean);
}
/** Throws the service's 401 unless the request carries an accepted credential. */
export declare function authorize(flavor: Flavor, headers: Headers, credentials: Credentials, onV1: boolean): void;
