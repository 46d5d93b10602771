/**
 * Accounts, login, roles and permission strings, password policy and lockout, and the data scope
 * by unit that every module applies (S2-a, GB/T 22239 identification and access control).
 */
package io.infodesk.account;
