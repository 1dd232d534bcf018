/**
 * WeChat: the configured WxJava services (mini-program and official account) and, for development
 * and tests, the local WeChat sandbox that speaks WeChat's HTTP API.
 */
package org.redstation.wechat;
