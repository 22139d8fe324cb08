package napster.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection flood before login: holds {@code perTarget} idle TCP connections open to each
 * target (the broker's OpenWire and STOMP ports), never sending a byte, and opens a new one
 * whenever the broker closes one. One thread, one selector; re-opening is held to
 * {@link #REOPENS_PER_SECOND} per target so the attacker does not just burn the CPU.
 */
final class FloodAttack implements Attack {
    static final int REOPENS_PER_SECOND = 500;

    private final List<InetSocketAddress> targets;
    private final int perTarget;
    private final long[] opened;
    private final long[] closedByBroker;
    private final long[] refused;
    private final int[] open;
    private final int[] peakOpen;
    private volatile boolean stopping;
    private Thread thread;
    private Selector selector;

    FloodAttack(List<InetSocketAddress> targets, int perTarget) {
        this.targets = List.copyOf(targets);
        this.perTarget = perTarget;
        this.opened = new long[targets.size()];
        this.closedByBroker = new long[targets.size()];
        this.refused = new long[targets.size()];
        this.open = new int[targets.size()];
        this.peakOpen = new int[targets.size()];
    }

    @Override
    public void start() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, "attacker-flood");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        long[] budget = new long[targets.size()];
        long second = System.nanoTime();
        try {
            while (!stopping) {
                if (System.nanoTime() - second >= 1_000_000_000L) {
                    second = System.nanoTime();
                    java.util.Arrays.fill(budget, 0);
                }
                for (int t = 0; t < targets.size(); t++) {
                    while (open[t] < perTarget && budget[t] < REOPENS_PER_SECOND + perTarget) {
                        budget[t]++;
                        openOne(t);
                    }
                }
                selector.select(20);
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key, sink);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            // the selector failed: the attack ends, stop() closes what is left
        }
    }

    private void openOne(int target) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.connect(targets.get(target));
            channel.register(selector, SelectionKey.OP_CONNECT, target);
            open[target]++;
            opened[target]++;
            peakOpen[target] = Math.max(peakOpen[target], open[target]);
        } catch (IOException e) {
            refused[target]++;
            channel.close();
        }
    }

    private void handle(SelectionKey key, ByteBuffer sink) {
        int target = (Integer) key.attachment();
        SocketChannel channel = (SocketChannel) key.channel();
        try {
            if (key.isConnectable()) {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                return;
            }
            sink.clear();
            if (channel.read(sink) < 0) {
                closedByBroker[target]++;
                drop(key, target);
            }
        } catch (IOException e) {
            // refused or reset: either way the broker would not keep it
            if (key.isConnectable()) {
                refused[target]++;
            } else {
                closedByBroker[target]++;
            }
            drop(key, target);
        }
    }

    private void drop(SelectionKey key, int target) {
        key.cancel();
        open[target]--;
        try {
            key.channel().close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void stop() throws Exception {
        stopping = true;
        if (thread != null) {
            selector.wakeup();
            thread.join(Duration.ofSeconds(10).toMillis());
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        }
    }

    @Override
    public Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("connectionsPerTarget", perTarget);
        for (int t = 0; t < targets.size(); t++) {
            String port = "port" + targets.get(t).getPort();
            figures.put(port + "Opened", opened[t]);
            figures.put(port + "PeakOpen", peakOpen[t]);
            figures.put(port + "ClosedByBroker", closedByBroker[t]);
            figures.put(port + "Refused", refused[t]);
        }
        return figures;
    }
}
