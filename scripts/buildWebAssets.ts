/**
 * Build step of the web page: brotli and gzip copies of Web Chat and the page assets.
 *   node dist/scripts/buildWebAssets.js   (run by `npm run build`)
 * Copies already made for the current version of an asset are kept, so a rebuild costs nothing.
 */
import { buildWebAssets, WEB_ASSETS_DIR } from '../bot/http/webAssets';

if (require.main === module) {
  const { written, kept } = buildWebAssets();
  console.log(`web assets in ${WEB_ASSETS_DIR}: ${written.length} written, ${kept.length} already up to date`);
}
