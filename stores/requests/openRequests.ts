import type { StoreBackend } from '../appStore';
import { documentAdviserRegistry, type AdviserRegistry } from './adviserRegistry';
import { embeddedAdviserDocuments, mongoAdviserDocuments } from './adviserDocuments';
import { DocumentRequestRepository, type RequestRepositoryOptions } from './documentRequestRepository';
import { embeddedRequestDocuments } from './embeddedRequestDocuments';
import { mongoRequestDocuments } from './mongoRequestDocuments';
import type { RequestRepository } from './requestRepository';

export const REQUESTS_COLLECTION = 'requests';
export const ADVISERS_COLLECTION = 'advisers';

export interface RequestStores {
  requests: RequestRepository;
  advisers: AdviserRegistry;
}

/** The request repository and adviser registry on the store the bot opened (openStore().backend). */
export async function openRequestStores(backend: StoreBackend, options: RequestRepositoryOptions = {}): Promise<RequestStores> {
  if (backend.kind === 'mongodb') {
    const db = backend.connection.db;
    return {
      requests: new DocumentRequestRepository(await mongoRequestDocuments(db, { collectionName: REQUESTS_COLLECTION }), options),
      advisers: documentAdviserRegistry(await mongoAdviserDocuments(db, { collectionName: ADVISERS_COLLECTION }), options.clock),
    };
  }
  const database = backend.database;
  return {
    requests: new DocumentRequestRepository(await embeddedRequestDocuments(database, REQUESTS_COLLECTION), options),
    advisers: documentAdviserRegistry(await embeddedAdviserDocuments(database, ADVISERS_COLLECTION), options.clock),
  };
}
