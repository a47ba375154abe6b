import { ZipFile } from 'yazl';
import { colorIcon, outlineIcon } from './icons';
import { buildManifest, ICON_FILES, type TeamsPackageSettings } from './manifest';

/** A fixed date for every entry, so that the same settings always give the same zip. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z');

/** The files of the Teams app package, by name: manifest, localization files and icons. */
export function packageFiles(settings: TeamsPackageSettings, version: string): Map<string, Buffer> {
  const { manifest, localizations } = buildManifest(settings, version);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const files = new Map<string, Buffer>([['manifest.json', json(manifest)]]);
  for (const [name, content] of Object.entries(localizations)) files.set(name, json(content));
  files.set(ICON_FILES.color, colorIcon());
  files.set(ICON_FILES.outline, outlineIcon());
  return files;
}

/** The package as Teams side-loads it: a zip with every file at its root. */
export function zipPackage(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of files) zip.addBuffer(content, name, { mtime: ENTRY_TIME, mode: 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
