// exceljs, loaded with its SAX feeder replaced by one that cannot split a multi-byte character between chunks.
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);

/**
 * exceljs 4.4 decodes each zip chunk to text on its own (lib/utils/parse-sax.js), so a Chinese
 * character whose UTF-8 bytes straddle two chunks becomes U+FFFD: in a large roll, a few names and
 * programs (农村低保 → 农村低���) came out corrupted. This is the same generator with a
 * StringDecoder that carries incomplete bytes over to the next chunk. It must be in require's
 * cache before exceljs itself is loaded, which is why every use of exceljs goes through this module.
 */
function installChunkSafeSaxFeeder(): void {
  const path = require.resolve('exceljs/lib/utils/parse-sax.js');
  // saxes is exceljs's own dependency: resolve it from there, not from our package.json.
  const { SaxesParser } = createRequire(require.resolve('exceljs'))('saxes') as typeof import('saxes');
  async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const parser = new SaxesParser();
    let failure: Error | undefined;
    parser.on('error', (error: Error) => {
      failure = error;
    });
    let events: { eventType: string; value: unknown }[] = [];
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    const decoder = new StringDecoder('utf8');
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      if (failure) throw failure;
      yield events;
      events = [];
    }
    const rest = decoder.end();
    if (rest) parser.write(rest);
    if (failure) throw failure;
    yield events;
  }
  require.cache[path] = { id: path, filename: path, loaded: true, exports: parseSax } as unknown as NodeJS.Module;
}

installChunkSafeSaxFeeder();
const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;
