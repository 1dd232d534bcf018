/** Shared building blocks (errors, request ids, masking, time, Redis keys) used by every module. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.redstation.common;
