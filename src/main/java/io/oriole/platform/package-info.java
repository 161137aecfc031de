/**
 * Platform administration: the operator who runs an Oriole installation creates, suspends, resumes and deletes
 * tenants, each with its first administrator. Separate from tenant administration: the operator is not a user of
 * any tenant, and authenticates with the secret given at start ({@code oriole.platform.operator-token}); without
 * it the platform API and console do not exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform administration")
package io.oriole.platform;
