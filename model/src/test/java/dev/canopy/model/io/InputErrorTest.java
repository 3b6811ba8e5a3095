package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputErrorTest {
    @Test
    void printsFileLineColumnPathAndMessageOnOneLine() {
        InputError error =
                new InputError("net.json", 12, 7, FieldPath.of("nodes", 3, "region"), "unknown region \"atlantis\"");

        assertThat(error).hasToString("net.json:12:7: nodes[3].region: unknown region \"atlantis\"");
    }

    @Test
    void leavesOutWhatIsUnknown() {
        assertThat(new InputError("net.json", 12, 0, FieldPath.of("id"), "bad")).hasToString("net.json:12: id: bad");
        assertThat(new InputError("net.json", 0, 0, FieldPath.of("id"), "bad")).hasToString("net.json: id: bad");
        assertThat(new InputError("net.json", 3, 1, FieldPath.ROOT, "syntax error: oops"))
                .hasToString("net.json:3:1: syntax error: oops");
        assertThat(InputError.ofFile("net.json", "no such file")).hasToString("net.json: no such file");
    }

    @Test
    void anUnnamedInputIsCalledInput() {
        assertThat(new InputError(null, 1, 2, null, "bad")).hasToString("<input>:1:2: bad");
    }

    @Test
    void anInputExceptionCarriesEveryErrorAndPrintsOneLineEach() {
        InputError first = new InputError("p.yaml", 3, 5, FieldPath.of("policies", 0, "tz"), "unknown time zone");
        InputError second = new InputError("p.yaml", 9, 5, FieldPath.of("policies", 1, "id"), "duplicate");

        InputException exception = new InputException(List.of(first, second));

        assertThat(exception.errors()).containsExactly(first, second);
        assertThat(exception)
                .hasMessage("p.yaml:3:5: policies[0].tz: unknown time zone\np.yaml:9:5: policies[1].id: duplicate");
    }

    @Test
    void anInputExceptionNeedsAnError() {
        assertThatThrownBy(() -> new InputException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShortFormsMakeOneError() {
        assertThat(InputException.ofFile("x.json", "the file is empty")).hasMessage("x.json: the file is empty");
        assertThat(new InputException("x.json", FieldPath.of("links", 0), "bad link").errors())
                .containsExactly(new InputError("x.json", 0, 0, FieldPath.of("links", 0), "bad link"));
    }
}
