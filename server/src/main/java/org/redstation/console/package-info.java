/**
 * Serves the staff web console (server/console, a Vue app built into classpath:/static/console) under /console/.
 * Uses no other module: the console talks to the staff API over HTTP like any client.
 */
package org.redstation.console;
