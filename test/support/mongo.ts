import { randomBytes } from 'node:crypto';
import { connectMongo, type MongoConnection } from '../../stores/mongoConnection';

export const mongoUri = process.env.MONGODB_URI?.trim() || undefined;

/**
 * Suites that need MongoDB run when MONGODB_URI is set. Without it they fail when
 * REQUIRE_MONGODB=1 (CI, `npm test`) and otherwise say loudly that they were skipped.
 * `body` gets a function returning this suite's connection, to a fresh database dropped after it.
 */
export function describeWithMongo(name: string, body: (connection: () => MongoConnection) => void): void {
  if (!mongoUri) {
    if (process.env.REQUIRE_MONGODB === '1') {
      describe(name, () => {
        it('needs MongoDB', () => {
          throw new Error('REQUIRE_MONGODB=1 but MONGODB_URI is not set (bash .ci/mongo.sh start prints one)');
        });
      });
      return;
    }
    console.warn(`\n*** SKIPPED MongoDB suite "${name}": MONGODB_URI is not set (bash .ci/mongo.sh start) ***\n`);
    const skipped = describe.skip;
    skipped(name, () => body(() => { throw new Error('no MongoDB'); }));
    return;
  }
  const uri = mongoUri;
  describe(name, () => {
    let connection: MongoConnection | undefined;
    beforeAll(async () => {
      connection = await connectMongo(uri, `test_${randomBytes(6).toString('hex')}`);
    });
    afterAll(async () => {
      if (!connection) return;
      await connection.db.dropDatabase().catch(() => undefined);
      await connection.close();
    });
    body(() => {
      if (!connection) throw new Error('MongoDB connection not ready');
      return connection;
    });
  });
}
