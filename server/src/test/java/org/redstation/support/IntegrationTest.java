package org.redstation.support;

import org.junit.jupiter.api.BeforeEach;
import org.redstation.RedStationApplication;
import org.redstation.wechat.sandbox.WxSandboxServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Base of the server's integration tests: the whole app on a random port, against the real database
 * and Redis of {@link TestInfra}, with the WeChat sandbox on. Subclasses share one Spring context.
 */
@org.springframework.context.annotation.Import(StatementCounter.class)
@SpringBootTest(classes = RedStationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    static {
        TestInfra.init();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected WxSandboxServer sandbox;

    protected Api api;

    @BeforeEach
    void setUpApi() {
        api = new Api("http://127.0.0.1:" + port);
    }

    /** The openid the sandbox gives the mini-program user who logs in with {@code code}. */
    protected String openidOf(String code) {
        return org.redstation.wechat.sandbox.SandboxIdentity.openid(System.getProperty("WX_MA_APPID", "wx-sandbox-miniapp"), code);
    }

    /**
     * A second server instance sharing this one's database, Redis and WeChat sandbox (close it when done).
     * Use it for tests of capacities and locks across instances.
     */
    protected ConfigurableApplicationContext startSecondInstance(String... extraArgs) {
        String[] args = new String[extraArgs.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--redstation.wechat.sandbox.enabled=false";
        args[2] = "--redstation.wechat.api-host=" + sandbox.baseUrl();
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        return new SpringApplicationBuilder(RedStationApplication.class).run(args);
    }

    protected static Api apiOf(ConfigurableApplicationContext ctx) {
        return new Api("http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port"));
    }
}
