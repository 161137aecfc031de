/**
 * The REST API under {@code /api/v1}: conversations, messages, customers, agents, users and API tokens of the
 * caller's tenant. Authenticated by bearer API tokens only; every error is an RFC 9457 problem. An id of another
 * tenant answers 404 exactly like an id that does not exist, so ids never reveal what other tenants have.
 */
package io.oriole.web.api;
