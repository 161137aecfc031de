package io.oriole.routing;

/** No open offer with this id for this agent in this tenant. */
public class OfferNotFoundException extends RuntimeException {

    public OfferNotFoundException(long offerId) {
        super("offer " + offerId + " not found");
    }
}
