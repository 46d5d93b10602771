/**
 * The home page: counts and highlights for the logged-in user's scope (S2-b: who reported what,
 * how each unit stands; for now the organisation's coverage by publicists, S2-a).
 */
package io.infodesk.dashboard;
