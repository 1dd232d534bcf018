package org.redstation.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import me.chanjar.weixin.common.error.WxErrorException;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;

/**
 * Whether a failed subscribe-message call may have reached WeChat. WeChat's API takes no idempotency key, so such a
 * send is never repeated automatically (at most once per outbox row); everything else is safe to retry.
 */
final class SendFailure {
    /** How {@code last_error} starts for a send whose outcome is unknown (the administrator's list shows it). */
    static final String UNKNOWN = "outcome unknown, not sent again: ";

    private SendFailure() {
    }

    /**
     * True for an I/O error after the request may have been written: a read timeout, a reset connection, no
     * response. False for WeChat's own error answer, an HTTP error status, a connection that was never made, and
     * anything that is not I/O (Redis, the access token, the message's data): none of those delivered anything.
     */
    static boolean mayHaveReachedWeChat(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WxErrorException || t instanceof org.redisson.client.RedisException) {
                return false;
            }
            if (t instanceof IOException io) {
                return !(io instanceof ConnectException || io instanceof NoRouteToHostException
                        || io instanceof UnknownHostException || io instanceof ConnectTimeoutException
                        || io instanceof ConnectionPoolTimeoutException || io instanceof HttpResponseException
                        || io instanceof SSLHandshakeException);
            }
        }
        return false;
    }
}
