/**
 * WeChat: the configured WxJava services (mini-program and official account), timed as
 * {@code redstation.wechat.api}. The local WeChat sandbox for development and tests lives in src/dev
 * (package {@code org.redstation.wechat.sandbox}) and is not part of the production jar.
 */
package org.redstation.wechat;
