import type { StoreBackend } from '../appStore';
import type { DirectoryRepository } from './directoryRepository';
import { DocumentDirectory } from './documentDirectory';
import { embeddedDirectoryDocuments } from './embeddedDirectory';
import { mongoDirectoryDocuments } from './mongoDirectory';

export const DIRECTORY_COLLECTION = 'structures';

/** The directory on the store's database (collection `structures`, indexes created if missing). */
export async function openDirectory(backend: StoreBackend, collection = DIRECTORY_COLLECTION): Promise<DirectoryRepository> {
  if (backend.kind === 'mongodb') return new DocumentDirectory(await mongoDirectoryDocuments(backend.connection.db, collection));
  const datastore = await backend.database.collection(collection);
  return new DocumentDirectory(await embeddedDirectoryDocuments(datastore, { persistent: backend.database.dir !== null }));
}
