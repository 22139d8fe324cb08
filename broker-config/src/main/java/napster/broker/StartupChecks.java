package napster.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What can be checked before the broker starts, so that the common mistakes end in one
 * sentence instead of an ActiveMQ stack trace: missing configuration, default passwords on a
 * public address, a port (broker, STOMP, web console) or a data folder already in use.
 */
final class StartupChecks {
    /** Prefix of the system property org.apache.activemq.util.LockFile sets while it holds a lock. */
    private static final String LOCK_FILE_VM_KEY = "org.apache.activemq.util.LockFile.lock.";

    private StartupChecks() {
    }

    static void run(BrokerSettings settings) throws BrokerStartException {
        for (Path file : List.of(settings.brokerXml(), settings.loginConfig(), settings.usersFile(),
                settings.groupsFile())) {
            if (!Files.isReadable(file)) {
                throw new BrokerStartException("Cannot read the broker configuration file " + file
                        + "; pass --config-dir to choose the folder with activemq.xml.");
            }
        }
        InetAddress address = resolve(settings.host());
        refuseDefaultPasswordsOffLoopback(address, settings);
        checkPortFree(address, settings.host(), settings.brokerPort(), "--broker-port");
        checkPortFree(address, settings.host(), settings.stompPort(), "--stomp-port");
        checkDataDirFree(settings.dataDir());
    }

    /** Before the broker starts, so a taken console port does not cost a broker start-up first. */
    static void checkConsole(ConsoleSettings console) throws BrokerStartException {
        checkPortFree(resolve(console.host()), console.host(), console.port(), "--console-port");
    }

    /** The one-sentence complaint about a taken port, also used when the broker itself fails to bind. */
    static String portInUse(String host, int port, String option) {
        return "Port " + port + " on " + host + " is already in use; pass " + option + " to choose another.";
    }

    static String dataDirInUse(Path dataDir) {
        return "The data folder " + dataDir + " is in use by another broker; pass --data to choose another.";
    }

    /** True when something already listens on host:port (port 0 never counts). */
    static boolean portTaken(InetAddress address, int port) {
        if (port == 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static InetAddress resolve(String host) throws BrokerStartException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrokerStartException("Unknown host " + host + "; pass --host with an address of this machine.", e);
        }
    }

    private static void refuseDefaultPasswordsOffLoopback(InetAddress address, BrokerSettings settings)
            throws BrokerStartException {
        if (address.isLoopbackAddress()) {
            return;
        }
        List<String> defaults = BrokerUsers.read(settings.usersFile()).withDefaultPassword();
        if (!defaults.isEmpty()) {
            throw new BrokerStartException("Refusing to listen on " + settings.host() + " while "
                    + String.join(", ", defaults) + " still " + (defaults.size() == 1 ? "has" : "have")
                    + " the default password; change it in " + settings.usersFile() + " first.");
        }
    }

    private static void checkPortFree(InetAddress address, String host, int port, String option)
            throws BrokerStartException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("in use")) {
                throw new BrokerStartException(portInUse(host, port, option), e);
            }
            throw new BrokerStartException("Cannot listen on " + host + " port " + port + " (" + reason
                    + "); pass --host with an address of this machine.", e);
        } catch (IOException e) {
            throw new BrokerStartException("Cannot listen on " + host + " port " + port + " (" + e.getMessage() + ").", e);
        }
    }

    /**
     * KahaDB holds a file lock on kahadb/lock while a broker uses the folder; a broker in this JVM
     * also marks it with a system property (ActiveMQ's LockFile), checked first because closing
     * a probe's file descriptor would drop this process's own lock on Linux.
     */
    private static void checkDataDirFree(Path dataDir) throws BrokerStartException {
        Path lock = dataDir.resolve("kahadb").resolve("lock");
        if (!Files.exists(lock)) {
            return;
        }
        try {
            if (System.getProperty(LOCK_FILE_VM_KEY + lock.toFile().getCanonicalPath()) != null) {
                throw new BrokerStartException(dataDirInUse(dataDir));
            }
            try (RandomAccessFile file = new RandomAccessFile(lock.toFile(), "rw");
                 FileChannel channel = file.getChannel()) {
                FileLock held = channel.tryLock();
                if (held == null) {
                    throw new BrokerStartException(dataDirInUse(dataDir));
                }
                held.release();
            }
        } catch (OverlappingFileLockException e) {
            throw new BrokerStartException(dataDirInUse(dataDir), e);
        } catch (IOException e) {
            throw new BrokerStartException("Cannot use the data folder " + dataDir + " (" + e.getMessage()
                    + "); pass --data to choose another.", e);
        }
    }
}
