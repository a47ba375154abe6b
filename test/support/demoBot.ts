import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import type { Feature } from '../../dialogs/feature';
import { createFeatures, type FeatureDeps } from '../../dialogs/features';
import { subjectKeyOf, type RequestDraftInput } from '../../knowledge/requests';
import type { SubmitResult } from '../../stores/requests/requestRepository';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import type { AdviserInput } from '../../stores/requests/adviserRegistry';
import { openRequestStores, type RequestStores } from '../../stores/requests/openRequests';
import { demoDirectory } from './demoDirectory';

export interface DemoBotOptions {
  /** Today in France (YYYY-MM-DD), fixed for the dialogs; without it, the real date. */
  today?: string;
  /** Advisers registered before the tests. */
  advisers?: AdviserInput[];
  /** Requests submitted before the tests, each with its idempotency key. */
  requests?: Array<{ draft: RequestDraftInput; key: string }>;
  /** Loads the date recognisers first (their first use is slow enough to time a test out). */
  warm?: boolean;
}

/** The bot's features over the Martinique demo directory and request stores in the embedded store, in memory. */
export interface DemoBot {
  store: OpenedStore;
  directory: DirectoryRepository;
  stores: RequestStores;
  /** What submitting `options.requests` gave, in order (references, follow-up codes). */
  submitted: SubmitResult[];
  /** The features as the bot builds them (directory, requests, advisers, the development subject secret). */
  features(extra?: Partial<FeatureDeps>): Feature[];
  close(): Promise<void>;
}

export async function openDemoBot(options: DemoBotOptions = {}): Promise<DemoBot> {
  if (options.warm) warmRecognizers();
  const { store, directory } = await demoDirectory();
  const stores = await openRequestStores(store.backend);
  for (const adviser of options.advisers ?? []) await stores.advisers.add(adviser);
  const submitted: SubmitResult[] = [];
  for (const { draft, key } of options.requests ?? []) submitted.push(await stores.requests.submit(draft, key));
  const today = options.today;
  return {
    store,
    directory,
    stores,
    submitted,
    features: (extra = {}) =>
      createFeatures({
        today: today === undefined ? undefined : () => today,
        directory,
        requests: stores.requests,
        advisers: stores.advisers,
        subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET,
        ...extra,
      }),
    close: () => store.close(),
  };
}

/**
 * The budget of opening a demo bot: the demo directory, the request stores and (with `warm`) the
 * date recognisers' first compilation, seconds of CPU. With two test files at a time on 2 cores and
 * other work on the machine (load 13), probes2's took over the 30 s default. Nothing asserts a duration.
 */
const OPEN_BUDGET_MS = 120_000;

/**
 * A DemoBot opened before this file's (or this describe's) tests and closed after them. The object
 * is returned at once and filled in by the beforeAll hook: read its fields inside hooks and tests.
 */
export function useDemoBot(options: DemoBotOptions = {}): DemoBot {
  const bot = {} as DemoBot;
  beforeAll(async () => {
    Object.assign(bot, await openDemoBot(options));
  }, OPEN_BUDGET_MS);
  afterAll(async () => {
    await bot.close?.();
  });
  return bot;
}

/**
 * A request made on the web chat by the user `userId` to `organisationId`: Lucie Durand's
 * (fictitious) unless `person` says otherwise.
 */
export function webRequest(organisationId: string, userId: string, person: Partial<RequestDraftInput['person']> = {}): RequestDraftInput {
  return {
    subjectKey: subjectKeyOf('webchat', userId, DEVELOPMENT_SUBJECT_KEY_SECRET),
    consent: { version: 'request-v1', givenAt: new Date('2026-11-20T10:00:00Z') },
    person: { firstName: 'Lucie', lastName: 'Durand', birthDate: '1985-05-05', contact: { kind: 'email', value: 'lucie@example.org' }, communeInsee: '97209', ...person },
    criteria: ['RSA'],
    organisationId,
    routing: { ruleId: 'default', kind: 'FT' },
  };
}
