// Shared test helpers: the emulator served over real HTTP, and clients pointed at it.
import { createClient, type AzureConfig, type Client, type OpenAIConfig } from "../src/mod.ts";
import { createEmulator, type Emulator, type EmulatorOptions, serve } from "../src/testing.ts";

export interface EmulatorServer {
  emulator: Emulator;
  /** `http://127.0.0.1:PORT` */
  url: string;
  openai(config?: Partial<OpenAIConfig>): Client;
  azure(config?: Partial<AzureConfig>): Client;
  close(): Promise<void>;
}

/** Starts the emulator on an ephemeral loopback port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorServer> {
  const emulator = createEmulator(options);
  const server = await serve(emulator.handle);
  return {
    emulator,
    url: server.url,
    openai: (config = {}) => createClient({ provider: "openai", apiKey: "sk-test", baseURL: server.url + "/v1", ...config } as OpenAIConfig),
    azure: (config = {}) => createClient({ provider: "azure", endpoint: server.url, apiVersion: "2024-10-21", apiKey: "azure-key", ...config } as AzureConfig),
    close: server.close,
  };
}
