package dev.canopy.model.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened to a planned network ({@code canopy/event@1}, one per line of a
 * JSON Lines file). Every event carries the instant it happened.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Events.Join.class, name = "join"),
    @JsonSubTypes.Type(value = Events.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Events.Fail.class, name = "fail"),
    @JsonSubTypes.Type(value = Events.Congestion.class, name = "congestion"),
    @JsonSubTypes.Type(value = Events.Capacity.class, name = "capacity"),
    @JsonSubTypes.Type(value = Events.LinkChange.class, name = "link"),
    @JsonSubTypes.Type(value = Events.Want.class, name = "want"),
    @JsonSubTypes.Type(value = Events.PolicyChange.class, name = "policies"),
    @JsonSubTypes.Type(value = Events.Tick.class, name = "tick")
})
public sealed interface Event
        permits Events.Join,
                Events.Leave,
                Events.Fail,
                Events.Congestion,
                Events.Capacity,
                Events.LinkChange,
                Events.Want,
                Events.PolicyChange,
                Events.Tick {

    /** The format tag of event lines. */
    String FORMAT = "canopy/event@1";

    /** When it happened. */
    Instant at();

    /** The {@code type} code used in files. */
    String type();
}
