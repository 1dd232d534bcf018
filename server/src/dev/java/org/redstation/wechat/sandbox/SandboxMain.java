package org.redstation.wechat.sandbox;

import java.util.concurrent.CountDownLatch;

/**
 * The sandbox as its own process (smoke test, several server instances sharing one sandbox):
 * {@code java -cp target/test-classes:$(cat target/dev-classpath.txt) org.redstation.wechat.sandbox.SandboxMain}.
 * Settings as for the server: WX_SANDBOX_PORT (18081), WX_SANDBOX_HOST (127.0.0.1), WX_MA_APPID/WX_MA_SECRET,
 * WX_MP_APPID/WX_MP_SECRET (the sandbox defaults). Point servers at it with WX_API_HOST=http://host:port.
 */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        WxSandboxServer server = new WxSandboxServer(env("WX_SANDBOX_HOST", "127.0.0.1"),
                Integer.parseInt(env("WX_SANDBOX_PORT", "18081")), 7200);
        server.registerMiniApp(env("WX_MA_APPID", "wx-sandbox-miniapp"), env("WX_MA_SECRET", "sandbox-miniapp-secret"));
        server.registerApp(env("WX_MP_APPID", "wx-sandbox-mp"), env("WX_MP_SECRET", "sandbox-mp-secret"));
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("WeChat sandbox listening on " + server.baseUrl() + " (inbox: " + server.baseUrl() + "/sandbox/inbox)");
        stopped.await();
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
