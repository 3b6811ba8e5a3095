package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.Lists;
import java.util.List;

/**
 * Selects channels by id, kind and class; every field given must match, and the empty
 * selector selects every channel. A single value is accepted where a list is expected.
 */
public record ChannelSelector(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> ids,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ChannelKind> kind,
        @JsonProperty("class") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                List<ContentClass> contentClass) {

    /** The selector that selects every channel. */
    public static final ChannelSelector ALL = new ChannelSelector(null, null, null);

    public ChannelSelector {
        ids = Lists.of(ids);
        kind = Lists.of(kind);
        contentClass = Lists.of(contentClass);
    }

    /** Selects the given channel ids. */
    public static ChannelSelector ids(String... ids) {
        return new ChannelSelector(List.of(ids), null, null);
    }
}
