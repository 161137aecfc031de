/**
 * The demo tenant: seeded on first start with the embedded defaults so that a new user can log in and try every
 * face of Oriole at once. Turned off with {@code oriole.demo.enabled=false}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.oriole.demo;
