/**
 * Deliberately bad classes, never run: each one breaks one rule of {@code io.oriole.ArchitectureRules}, so that
 * {@code ArchitectureTests} can prove every rule is able to fail. Excluded when the rules check the real code.
 */
package io.oriole.archfixtures;
