import { spawn, type ChildProcess } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from '../../knowledge/projectFiles';

const JAR = projectPath('.ci', 'mongo', 'target', 'test-mongo-server-1.0.0.jar');
const LIB = projectPath('.ci', 'mongo', 'target', 'lib');

/** Whether the test MongoDB server has been built (bash .ci/mongo.sh start builds it). */
export const ownMongoServerAvailable = existsSync(JAR);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A MongoDB wire-protocol server of the test's own, on a fixed port, that the test can stop and
 * start again (an outage). In memory: a restart starts empty.
 */
export class OwnMongoServer {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('java', ['-cp', `${JAR}:${LIB}/*`, 'guichet.TestMongoServer', String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the test MongoDB server did not start in 20 s')), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (String(chunk).includes('MONGODB_URI=')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the test MongoDB server exited (${code})`));
      });
    });
    await this.answering();
  }

  /**
   * Waits until the server answers a ping: a cold JVM on a busy machine can take more than the
   * 1-second server selection of the tests' stores to answer its first connection.
   */
  private async answering(): Promise<void> {
    const client = new MongoClient(this.uri, { serverSelectionTimeoutMS: 20_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing answers; `resume` thaws it with its data. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = undefined;
  }
}
