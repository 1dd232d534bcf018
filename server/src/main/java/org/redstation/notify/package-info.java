/**
 * WeChat subscribe messages through a durable outbox: modules call {@link org.redstation.notify.Notifier#enqueue}
 * inside their business transaction; a dispatcher sends after commit with retries and backoff.
 */
package org.redstation.notify;
