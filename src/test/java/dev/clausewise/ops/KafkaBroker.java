package dev.clausewise.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A one-node Kafka 4 broker in KRaft mode (broker and controller in one JVM) on 127.0.0.1, started as a child
 * process from the jars src/it/kafka-broker/pom.xml resolves (target/kafka-broker.classpath, written by the
 * pre-integration-test phase). Its storage is formatted once; {@link #kill()} and {@link #start()} stop and
 * restart it on the same ports and data, as a crashed and restarted broker.
 */
final class KafkaBroker implements AutoCloseable {
    static final Path CLASSPATH = Path.of("target/kafka-broker.classpath");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final int port;
    private Process process;
    private int starts;

    private KafkaBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Formats a fresh storage directory under {@code dir} and starts the broker. */
    static KafkaBroker format(Path dir) throws Exception {
        if (!Files.isRegularFile(CLASSPATH)) {
            throw new IllegalStateException(CLASSPATH + " is missing: `./mvnw verify` writes it (pre-integration-test), or run "
                    + "./mvnw -f src/it/kafka-broker/pom.xml dependency:build-classpath -Dmdep.outputFile=$PWD/" + CLASSPATH);
        }
        Files.createDirectories(dir);
        int port = freePort();
        int controller = freePort();
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data").toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = warn", ""));
        KafkaBroker broker = new KafkaBroker(dir, port);
        Process format = broker.java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString()).redirectOutput(dir.resolve("format.log").toFile()).start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("kafka.tools.StorageTool format failed: " + Files.readString(dir.resolve("format.log")));
        }
        broker.start();
        return broker;
    }

    private ProcessBuilder java(String main, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only: the broker and its format tool live a minute and carry a few hundred records, so the optimizing
        // compiler's work would never pay back on a 2-core machine that also runs the services and the test.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", Files.readString(CLASSPATH).trim(), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Starts the broker (again) and waits until it accepts requests. */
    void start() throws Exception {
        Path log = dir.resolve("broker-" + ++starts + ".log");
        process = java("kafka.Kafka", dir.resolve("server.properties").toString()).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not answer within " + START_TIMEOUT + ": " + Files.readString(log));
                }
                Thread.sleep(500);
            }
        }
    }

    /** SIGKILL: the broker goes away without closing a connection cleanly. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(p);
    }

    void createTopics(String... names) throws Exception {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    Map<String, String> logs() throws IOException {
        Map<String, String> logs = new java.util.TreeMap<>();
        for (int i = 1; i <= starts; i++) {
            logs.put("broker-" + i, Files.readString(dir.resolve("broker-" + i + ".log")));
        }
        return logs;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
