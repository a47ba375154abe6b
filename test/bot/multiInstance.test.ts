import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DEVELOPMENT_SUBJECT_KEY_SECRET, loadConfig } from '../../bot/config';
import { createApp } from '../../bot/app';
import { ApplicantNotifier } from '../../bot/channels/applicantNotifier';
import { createLogger } from '../../bot/logger';
import { openSharedState } from '../../bot/sharedState';
import { createFeatures } from '../../dialogs/features';
import { subjectKeyOf } from '../../knowledge/requests';
import { projectPath } from '../../knowledge/projectFiles';
import { translator } from '../../locales/i18n';
import { openStore, type OpenedStore } from '../../stores/appStore';
import { openDirectory } from '../../stores/directory';
import { openRequestStores, REQUESTS_COLLECTION, type RequestStores } from '../../stores/requests/openRequests';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { describeWithMongo, mongoUri } from '../support/mongo';
import { writeRunSummary } from '../support/testOutput';

/**
 * Two real bot processes (dist/bot/index.js, as `npm start` runs it) on one MongoDB, and a client
 * that alternates between them on every call, as a load balancer without sticky sessions would.
 * Nothing is shared between the two but the database.
 */
const fr = translator('fr');
const CONVERSATIONS = 200;
const CONCURRENCY = 16;

interface Instance {
  child: ChildProcess;
  baseUrl: string;
}

/** Starts `node dist/bot/index.js` and waits for its `listening` log line. */
async function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', projectPath('dist', 'bot', 'index.js')], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH, TZ: process.env.TZ, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { event?: string; port?: number };
        if (entry.event === 'listening' && entry.port) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited (${code}): ${stderr}`));
    });
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

/** Every call goes to the next instance: A, B, A, B… */
class AlternatingClient {
  private next = 0;
  readonly calls = [0, 0];
  constructor(private readonly instances: Instance[]) {}

  async call(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: any }> {
    const index = this.next++ % this.instances.length;
    this.calls[index]! += 1;
    const res = await fetch(`${this.instances[index]!.baseUrl}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
}

/** A Web Chat page: Direct Line calls, each to whichever instance the balancer picks. */
class WebChat {
  conversationId = '';
  userId = '';
  private token = '';
  private watermark = 0;
  constructor(private readonly client: AlternatingClient) {}

  private async expectOk(path: string, init: Parameters<AlternatingClient['call']>[1], ...ok: number[]) {
    const res = await this.client.call(path, init);
    if (!ok.includes(res.status)) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async open(): Promise<string> {
    const session = await this.expectOk('/directline/tokens/generate', { body: { locale: 'fr-FR' } }, 200);
    ({ conversationId: this.conversationId, token: this.token, userId: this.userId } = session);
    await this.expectOk('/directline/conversations', { method: 'POST', token: this.token }, 201);
    return this.poll();
  }

  /** New bot messages since the last poll. */
  async poll(): Promise<string> {
    const page = await this.expectOk(`/directline/conversations/${this.conversationId}/activities?watermark=${this.watermark}`, { token: this.token }, 200);
    this.watermark = Number(page.watermark);
    return (page.activities as Array<{ text?: string; from: { role?: string } }>).filter((a) => a.from.role !== 'user').map((a) => a.text ?? '').join('\n');
  }

  /** Everything the bot said since the start, as a page reloading its history gets it. */
  async history(): Promise<string> {
    const page = await this.expectOk(`/directline/conversations/${this.conversationId}/activities?watermark=0`, { token: this.token }, 200);
    return (page.activities as Array<{ text?: string; from: { role?: string } }>).filter((a) => a.from.role !== 'user').map((a) => a.text ?? '').join('\n');
  }

  /** The token, for a test that tries it on another conversation. */
  get bearer(): string {
    return this.token;
  }

  async say(text: string): Promise<string> {
    await this.expectOk(`/directline/conversations/${this.conversationId}/activities`, { body: { type: 'message', text, locale: 'fr-FR' }, token: this.token }, 200);
    return this.poll();
  }
}

const ANSWERS = ['Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert', 'Passer'];

/** A whole request for a diagnosis, from the welcome to the reference and code. */
async function submitRequest(chat: WebChat): Promise<{ reference: string; code: string }> {
  expect(await chat.open()).toContain(fr('common:welcome.helloTerritory', { of: 'de la Martinique' }));
  expect(await chat.say(fr('requests:menu'))).toContain(fr('requests:consent.v2'));
  await chat.say(fr('requests:accept'));
  let last = '';
  for (const answer of ANSWERS) last = await chat.say(answer);
  expect(last).toContain(fr('requests:summary.title'));
  const sent = await chat.say(fr('requests:summary.send'));
  expect(sent).toContain(fr('requests:sent.title'));
  const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)?.[0];
  const code = /: (\d{6})/.exec(sent)?.[1];
  if (!reference || !code) throw new Error('no reference or code in the confirmation');
  return { reference, code };
}

describeWithMongo('several instances on one MongoDB', (connection) => {
  const instances: Instance[] = [];
  let client: AlternatingClient;
  let store: OpenedStore;
  let stores: RequestStores;

  beforeAll(async () => {
    // The processes run the compiled bot, as in production.
    execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
    const dbName = connection().db.databaseName;
    const unlimited = '1000000';
    const env = {
      MONGODB_URI: mongoUri,
      MONGODB_DB: dbName,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      STORE_TIMEOUT_MS: '10000',
      RATE_LIMIT_PER_MINUTE: unlimited,
      RATE_LIMIT_TOKENS_PER_MINUTE: unlimited,
      RATE_LIMIT_FOLLOW_UP_PER_HOUR: unlimited,
      RATE_LIMIT_SUBMISSIONS_PER_HOUR: unlimited,
      TURNS_PER_MINUTE: unlimited,
    };
    // One after the other: the first seeds the demo directory.
    instances.push(await startInstance(env));
    instances.push(await startInstance(env));
    client = new AlternatingClient(instances);
    store = await openStore({ mongodbUri: mongoUri, mongodbDb: dbName, dataDir: null });
    stores = await openRequestStores(store.backend);
  }, 300_000);

  afterAll(async () => {
    await Promise.all(instances.map(stopInstance));
    await store?.close();
  });

  let submitted: { reference: string; code: string; userId: string; chat: WebChat } | undefined;

  it('a Web Chat conversation works end to end with every call on the other instance', async () => {
    const chat = new WebChat(client);
    const before = [...client.calls];
    const { reference, code } = await submitRequest(chat);
    submitted = { reference, code, userId: chat.userId, chat };
    // Both instances served this conversation, about half each.
    const served = client.calls.map((n, i) => n - before[i]!);
    expect(Math.abs(served[0]! - served[1]!)).toBeLessThanOrEqual(1);
    const mine = await stores.requests.listBySubject(subjectKeyOf('webchat', chat.userId, DEVELOPMENT_SUBJECT_KEY_SECRET));
    expect(mine.map((r) => r.reference)).toEqual([reference]);
    // The token is refused nowhere, and another conversation's token opens nothing.
    const other = new WebChat(client);
    await other.open();
    const cross = await client.call(`/directline/conversations/${chat.conversationId}/activities`, { token: other.bearer });
    expect(cross.status).toBe(403);
  }, 120_000);

  it('an /api/messages conversation keeps its dialog state from one instance to the other', async () => {
    expect(submitted).toBeDefined();
    const conversation = { id: `multi-${Date.now()}` };
    const say = async (text: string) => {
      const res = await client.call('/api/messages', {
        body: {
          type: 'message',
          text,
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/unused',
          from: { id: 'someone' },
          recipient: { id: 'bot' },
          conversation,
          locale: 'fr-FR',
          deliveryMode: 'expectReplies',
        },
      });
      expect(res.status).toBe(200);
      return (res.body.activities as Array<{ text?: string }>).map((a) => a.text ?? '').join('\n');
    };
    // Three steps of one dialog, each on the other instance: it goes on where it was.
    expect(await say(fr('followUp:menu'))).toContain(fr('followUp:askReference'));
    expect(await say(submitted!.reference)).toContain(fr('followUp:askCode'));
    expect(await say(submitted!.code)).toContain(fr('followUp:status', { reference: submitted!.reference, status: fr('followUp:statuses.received') }));
  }, 60_000);

  it("an adviser's move on another instance reaches the applicant's page", async () => {
    expect(submitted).toBeDefined();
    // The applicant's page, polled through both processes.
    const [record] = await stores.requests.listBySubject(subjectKeyOf('webchat', submitted!.userId, DEVELOPMENT_SUBJECT_KEY_SECRET));
    const tenantId = '11111111-1111-1111-1111-111111111111';
    const aadObjectId = '22222222-2222-2222-2222-222222222222';
    await stores.advisers.add({ tenantId, aadObjectId, organisationId: record!.organisationId, name: 'Conseillère A' });

    // A third instance, in this test process: the production wiring on its own connection (nothing
    // in memory shared with the two processes). Teams needs channel authentication over HTTP, so
    // the adviser's personal chat reaches it through botbuilder's test adapter.
    const config = loadConfig({ MONGODB_URI: mongoUri, MONGODB_DB: connection().db.databaseName });
    const notifier = new ApplicantNotifier(store.stateStorage);
    const shared = await openSharedState(store.backend, config);
    const features = createFeatures({
      directory: await openDirectory(store.backend),
      requests: stores.requests,
      advisers: stores.advisers,
      notifier,
      subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET,
    });
    createApp({ config, logger: createLogger('silent'), store, features, notifier, shared });
    const adviser = new BotDriver({ features, storage: store.stateStorage, channelId: 'msteams', teamsIdentity: { tenantId, aadObjectId } });
    await adviser.join();
    const list = await adviser.say(fr('adviser:menu'));
    const open = buttonsOf(list).find((b) => b.includes(submitted!.reference));
    expect(open).toBeDefined();
    const detail = await adviser.say(open!);
    expect(buttonsOf(detail)).toContain(fr('adviser:moveTo.diagnosis_in_progress'));
    const moved = await adviser.say(fr('adviser:moveTo.diagnosis_in_progress'));
    expect(textOf(moved)).toContain(submitted!.reference);

    // The applicant's page, polling whichever process the balancer picks, gets the notice: the
    // next poll (on one instance), and the history as either instance gives it.
    const notice = fr('followUp:notice', { reference: submitted!.reference, status: fr('followUp:statuses.diagnosis_in_progress') });
    expect(await submitted!.chat.poll()).toContain(notice);
    expect(await submitted!.chat.history()).toContain(notice);
    expect(await submitted!.chat.history()).toContain(notice);
  }, 60_000);

  it(`${CONVERSATIONS} conversations spread over both instances all complete; no request duplicated or lost`, async () => {
    const countBefore = await connection().db.collection(REQUESTS_COLLECTION).countDocuments({});
    const done: Array<{ reference: string; userId: string }> = [];
    const failures: string[] = [];
    let started = 0;
    const worker = async () => {
      while (started < CONVERSATIONS) {
        started += 1;
        const chat = new WebChat(client);
        try {
          const { reference } = await submitRequest(chat);
          done.push({ reference, userId: chat.userId });
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const created = (await connection().db.collection(REQUESTS_COLLECTION).countDocuments({})) - countBefore;
    const references = new Set(done.map((d) => d.reference));
    // One request per conversation, found under its own applicant.
    const perApplicant = await Promise.all(done.map(async (d) => (await stores.requests.listBySubject(subjectKeyOf('webchat', d.userId, DEVELOPMENT_SUBJECT_KEY_SECRET))).map((r) => r.reference)));
    const mismatched = done.filter((d, i) => perApplicant[i]!.length !== 1 || perApplicant[i]![0] !== d.reference).length;
    writeRunSummary(
      'multiInstance',
      `several instances: ${done.length}/${CONVERSATIONS} conversations completed over 2 processes, calls per instance ${client.calls.join(' / ')}, ` +
        `requests created ${created} (expected ${CONVERSATIONS}), distinct references ${references.size}, mismatched ${mismatched}, failures ${failures.length}`,
    );
    expect(failures.slice(0, 3)).toEqual([]);
    expect(done).toHaveLength(CONVERSATIONS);
    expect(references.size).toBe(CONVERSATIONS);
    expect(created).toBe(CONVERSATIONS);
    expect(mismatched).toBe(0);
  }, 600_000);
});
