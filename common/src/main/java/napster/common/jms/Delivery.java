package napster.common.jms;

import jakarta.jms.DeliveryMode;

/** Whether a request survives a broker restart while it waits for its consumer. */
public enum Delivery {
    PERSISTENT(DeliveryMode.PERSISTENT),
    NON_PERSISTENT(DeliveryMode.NON_PERSISTENT);

    private final int jmsMode;

    Delivery(int jmsMode) {
        this.jmsMode = jmsMode;
    }

    public int jmsMode() {
        return jmsMode;
    }
}
