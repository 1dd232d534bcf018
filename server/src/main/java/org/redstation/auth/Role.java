package org.redstation.auth;

/** What a WeChat user may do. Staff accounts are separate (see {@link CurrentStaff}). */
public enum Role {
    RESIDENT, MEMBER, STAFF
}
