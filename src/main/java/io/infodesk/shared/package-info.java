/**
 * Value types and infrastructure every module may use: time, security principal and data scope,
 * web error handling, Excel import and export (serves every clause through the other modules).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.infodesk.shared;
