/**
 * The tiny shared kernel every module may use: typed refusals and the helpers that keep one rule in one place at
 * the edges. Nothing here knows any domain module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.oriole.shared;
