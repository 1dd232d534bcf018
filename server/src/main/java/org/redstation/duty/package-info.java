/**
 * Party members who double-report (双报到) to a community, their organisations and resource lists, and the duty
 * rota of stations: shifts, claims (Redisson locks + database guards), check-in/out with on-duty presence in Redis,
 * service hours. Public API for other modules: {@link org.redstation.duty.DutyCommands} (official-account
 * commands) and the event {@link org.redstation.duty.ShiftUnderstaffed}.
 */
package org.redstation.duty;
