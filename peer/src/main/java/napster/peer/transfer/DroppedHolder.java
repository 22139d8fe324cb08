package napster.peer.transfer;

import java.util.Objects;
import napster.common.protocol.Holder;

/** A holder a download stopped using, and why ("connection refused", "sent chunk 3 with a wrong SHA-256"). */
public record DroppedHolder(Holder holder, String reason) {
    public DroppedHolder {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(reason, "reason");
    }
}
