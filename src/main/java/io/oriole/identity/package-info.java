/**
 * Identity and access: staff users with roles, browser login with throttling, hashed API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.oriole.identity;
