package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;

/**
 * Mini-program code -> server -> WxJava -> sandbox, all over real HTTP: Node runs the mini-program's own
 * request helper (miniprogram/utils/request.js) with a wx shim, against this server.
 */
class MiniProgramLoginE2EIT extends IntegrationTest {

    @Test
    void miniProgramRequestHelperLogsInAndCallsMe() throws Exception {
        Path script = Path.of("..", "miniprogram", "test", "e2e", "login-e2e.js").toAbsolutePath().normalize();
        assumeTrue(Files.exists(script), "mini-program sources are beside the server");
        Process p;
        try {
            p = new ProcessBuilder("node", script.toString(), "http://127.0.0.1:" + port, "e2e-resident")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "node is not installed");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.exitValue()).as(out).isZero();
        JsonNode result = Api.json().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("tokenStored").asBoolean()).isTrue();
        assertThat(result.path("me").path("roles").toString()).contains("RESIDENT");
    }
}
