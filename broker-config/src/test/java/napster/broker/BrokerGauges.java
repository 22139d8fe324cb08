package napster.broker;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.activemq.broker.jmx.BrokerMBeanSupport;
import org.apache.activemq.command.ActiveMQDestination;

/**
 * What the broker in this JVM reports about itself through JMX, as the web console reads it:
 * its message memory and what a queue holds.
 */
public final class BrokerGauges {
    private static final String BROKER = "org.apache.activemq:type=Broker,brokerName=napster";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** Message memory in use, in percent of the broker's limit. */
    public int memoryPercentUsage() throws JMException {
        return ((Number) server.getAttribute(new ObjectName(BROKER), "MemoryPercentUsage")).intValue();
    }

    /** The broker's message memory limit in bytes. */
    public long memoryLimit() throws JMException {
        return ((Number) server.getAttribute(new ObjectName(BROKER), "MemoryLimit")).longValue();
    }

    /** Messages in a queue (temporary or not) not yet acknowledged: waiting or handed to a consumer. */
    public long queueSize(Destination queue) throws JMException, JMSException {
        return number(queue, "QueueSize");
    }

    /** Bytes of message memory a queue holds. */
    public long queueBytes(Destination queue) throws JMException, JMSException {
        return number(queue, "MemoryUsageByteCount");
    }

    private long number(Destination queue, String attribute) throws JMException, JMSException {
        ObjectName name = BrokerMBeanSupport.createDestinationName(BROKER, ActiveMQDestination.transform(queue));
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
