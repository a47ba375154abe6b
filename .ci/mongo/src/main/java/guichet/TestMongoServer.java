package guichet;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Starts an in-memory MongoDB wire-protocol server on 127.0.0.1 for the test suite.
 * Usage: java guichet.TestMongoServer [port]   (0 or nothing: a free port).
 * Prints "MONGODB_URI=mongodb://127.0.0.1:PORT" once it listens, then runs until killed.
 *
 * The server reports MongoDB 4.4 (wire version 9): the Node.js driver 7.x refuses older ones,
 * and mongo-java-server has no 4.4 constant of its own.
 */
public final class TestMongoServer {
    private TestMongoServer() {}

    private static final MongoVersion MONGO_4_4 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        MongoServer server = new MongoServer(new MemoryBackend().version(MONGO_4_4));
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("MONGODB_URI=mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
