import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { openStore, type OpenedStore } from '../../stores/appStore';
import { openDirectory, type DirectoryRepository } from '../../stores/directory';

/** The embedded store in memory with the Martinique demo directory loaded, as the bot starts by default. */
export async function demoDirectory(): Promise<{ store: OpenedStore; directory: DirectoryRepository }> {
  const store = await openStore({ dataDir: null, mongodbDb: 'unused' });
  const directory = await openDirectory(store.backend);
  await directory.upsertMany(loadMartiniqueDemo());
  return { store, directory };
}
