/**
 * Takes the base64 vectors out of an embeddings answer's text as it is fed, piece by piece.
 *
 * @example
 * ```ts
 * const reader = new VectorReader(toFloat32);
 * reader.feed('{"data":[{"index":0,"embedding":"AACAPw=="}]}');
 * reader.end(); // '{"data":[{"index":0,"embedding":0}]}', and reader.vectors[0] is Float32Array [1]
 * ```
 */
export declare class VectorReader {
    #private;
    /** The vectors taken out, in the order they came: `vectors[k]` stands where the JSON says `k`. */
    readonly vectors: Float32Array[];
    constructor(decode: (base64: string) => Float32Array);
    /** Reads a response's body through {@link feed}, and resolves to the JSON text that is left. */
    readonly read: (response: Response) => Promise<string>;
    /** Takes the next piece of the answer's text. */
    feed(piece: string): void;
    /** The JSON text left once the whole answer has been fed (an answer cut inside a value stays cut, and fails). */
    end(): string;
}
