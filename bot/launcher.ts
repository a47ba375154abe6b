import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

/**
 * dist/bot/index.js, what `npm start` runs, once built (scripts/build.mjs bundles this module there):
 * it runs the bundled bot (dist/bot/bot.js, the bot and its packages in one file) with V8's code
 * cache of it (bot.js.cache), which the build writes after a start with `npm start`'s node flags. The
 * cache holds the bytecode of every function the start ran, so they are not compiled again (about
 * 0.2–0.4 s of CPU). V8 refuses a cache made by another V8 or with other flags (the bot then compiles
 * as usual); the bundle's hash, first in the cache file, guards against a cache of another bundle.
 * `CODE_CACHE_STATUS` (used, refused, absent) is left in the environment for the start's log line.
 * With `WRITE_CODE_CACHE=1` the process writes the cache when it exits (the build does that).
 */

const HASH_LENGTH = 40;

export type CodeCacheStatus = 'used' | 'refused' | 'absent';

/**
 * A CommonJS file compiled (as `require` would wrap it) from its code cache when the cache fits:
 * `run` runs it and returns its exports, `writeCache` writes a fresh cache (what has been compiled by then).
 */
export function compileWithCodeCache(file: string, cacheFile = `${file}.cache`): { status: CodeCacheStatus; run: () => unknown; writeCache: () => void } {
  const source = readFileSync(file);
  const hash = createHash('sha1').update(source).digest('hex');
  let cachedData: Buffer | undefined;
  if (existsSync(cacheFile)) {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, HASH_LENGTH).toString('latin1') === hash) cachedData = cache.subarray(HASH_LENGTH);
  }
  const script = new Script(Module.wrap(source.toString('utf8')), {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const status: CodeCacheStatus = !existsSync(cacheFile) ? 'absent' : cachedData && !script.cachedDataRejected ? 'used' : 'refused';
  const run = () => {
    const wrapper = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    const compiled = new Module(file, module);
    compiled.filename = file;
    compiled.loaded = true;
    wrapper.call(compiled.exports, compiled.exports, createRequire(file), compiled, file, dirname(file));
    return compiled.exports;
  };
  const writeCache = () => {
    writeFileSync(`${cacheFile}.tmp`, Buffer.concat([Buffer.from(hash, 'latin1'), script.createCachedData()]));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  };
  return { status, run, writeCache };
}

if (require.main === module) {
  const bot = compileWithCodeCache(join(__dirname, 'bot.js'));
  process.env.CODE_CACHE_STATUS = bot.status;
  // At exit (the build stops the bot once it listens): every function the start ran is compiled by then.
  if (process.env.WRITE_CODE_CACHE === '1') process.on('exit', bot.writeCache);
  bot.run();
}
