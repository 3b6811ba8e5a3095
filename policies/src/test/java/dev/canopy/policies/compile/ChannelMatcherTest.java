package dev.canopy.policies.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.ChannelKind;
import dev.canopy.model.ContentClass;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.ChannelSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelMatcherTest {
    private final SnapshotIndex index = SnapshotIndex.of(Worlds.twoIsps().build());

    @Test
    void selectsByIdKindAndClassAllGivenFieldsMatching() {
        assertThat(ChannelMatcher.of(ChannelSelector.ALL).over(index)).containsExactly(true, true);
        assertThat(ChannelMatcher.of(new ChannelSelector(null, null, List.of(ContentClass.AUDIO)))
                        .over(index))
                .containsExactly(false, true);
        assertThat(ChannelMatcher.of(new ChannelSelector(List.of("live"), List.of(ChannelKind.FILE), null))
                        .over(index))
                .containsExactly(false, false);
        assertThat(ChannelMatcher.of(ChannelSelector.ids("live")).matches(index.channel(0)))
                .isTrue();
    }
}
