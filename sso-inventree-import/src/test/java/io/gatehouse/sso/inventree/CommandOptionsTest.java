package io.gatehouse.sso.inventree;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandOptionsTest {

    @Test
    void everyOptionIsRead() {
        CommandOptions o = CommandOptions.parse("--source", "jdbc:postgresql://db/inventree", "--source-user", "inventree",
                "--target", "jdbc:postgresql://db/app", "--target-user", "app", "--site", "InvenTree.example.com",
                "--site", "localhost", "--provider", "gitlab", "--dry-run");

        assertThat(o.sourceUrl()).isEqualTo("jdbc:postgresql://db/inventree");
        assertThat(o.sourceUser()).isEqualTo("inventree");
        assertThat(o.targetUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(o.targetUser()).isEqualTo("app");
        assertThat(o.options()).isEqualTo(new ImportOptions(true, Set.of("inventree.example.com", "localhost"), Set.of("gitlab")));
    }

    @Test
    void sourceAndTargetAreNeeded() {
        assertThatThrownBy(() -> CommandOptions.parse("--source", "jdbc:postgresql://db/inventree"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--target");
    }

    @Test
    void anOptionWithoutItsValueOrAnUnknownOneIsNamed() {
        assertThatThrownBy(() -> CommandOptions.parse("--source", "--target", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--source needs a value");
        assertThatThrownBy(() -> CommandOptions.parse("--password", "hunter2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown argument '--password'");
    }

    @Test
    void badArgumentsPrintTheUsageAndExitOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = InvenTreeImportCommand.run(new String[] {"--sorce", "x"}, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--sorce'", "Usage:", "--dry-run");
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(InvenTreeImportCommand.run(new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INVENTREE_DB_PASSWORD", "SSO_DB_KEYS");
    }

    @Test
    void urlsArePrintedNowhereBecauseTheyMayHoldPasswords() {
        CommandOptions o = CommandOptions.parse("--source", "jdbc:postgresql://db/x?password=secret-1", "--target", "jdbc:h2:mem:y");

        assertThat(o.toString()).doesNotContain("secret-1");
    }
}
