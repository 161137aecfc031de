/**
 * Customers of a tenant: personal or enterprise, contact details, VIP tier, and whether they are new or
 * returning, which follows from their conversation history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.oriole.customer;
