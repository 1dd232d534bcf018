package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

/** Which failed sends may have reached WeChat (never repeated) and which certainly did not (retried). No database. */
class SendFailureTest {
    @Test
    void aReadTimeoutAResetOrNoResponseMayHaveReachedWeChat() {
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new SocketException("Connection reset")))).isTrue();
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new NoHttpResponseException("no answer")))).isTrue();
    }

    @Test
    void noConnectionAnHttpErrorStatusAWeChatErrorOrRedisDeliveredNothing() {
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new ConnectException("Connection refused")))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new ConnectTimeoutException("connect timed out")))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new WxRuntimeException(new HttpResponseException(500, "Server Error")))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new WxErrorException(WxError.builder().errorCode(-1).build()))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new RedisTimeoutException("failover"))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new RedisConnectionException("gone", new SocketException("Connection reset")))).isFalse();
        assertThat(SendFailure.mayHaveReachedWeChat(new IllegalStateException("bad data"))).isFalse();
    }
}
