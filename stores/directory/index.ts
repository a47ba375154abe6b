/** The directory store: the port, its errors and the factory (adapters are chosen by the backend). */
export type { AreaQuery, DirectoryReader, KindStats, RadiusQuery, StatsArea } from '../../knowledge/directory/directoryPort';
export type { DirectoryCapabilities, DirectoryRepository, UpsertCounts } from './directoryRepository';
export { InvalidDirectoryQueryError, InvalidStructureError } from './errors';
export { DIRECTORY_COLLECTION, openDirectory } from './openDirectory';
export { MAX_PAGE_SIZE } from './validation';
