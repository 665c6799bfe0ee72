// Types of compiled-cli.js (plain JavaScript: it runs before any TypeScript loader).
/** The bundle's file URL, rebuilt first if a source changed; undefined where it cannot be built. */
export function compiledCli(cacheFolder?: string): Promise<string | undefined>;
