/**
 * The home page: counts and highlights for the logged-in user's scope (S2-b: who reported what, how each unit
 * stands — the assessment overview for leaders and the office, the own unit's position for everyone else, issue 4
 * point 6, read through assessment's public API) and the organisation's coverage by publicists (S2-a).
 */
package io.infodesk.dashboard;
