package io.oriole.routing;

import java.time.Duration;

/** Where a waiting conversation stands: {@code position} 1 is next; {@code estimatedWait} from the model. */
public record WaitEstimate(long conversationId, int position, int agentsServing, Duration estimatedWait) {
}
