/**
 * The append-only audit trail of every change of state, logins and lockouts, chained with SM3 so
 * that an altered or deleted entry is detected (GB/T 22239 audit, GB/T 39786 SM3; all clauses).
 */
package io.infodesk.audit;
