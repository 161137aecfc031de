package io.oriole.customer;

public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(long id) {
        super("customer " + id + " not found");
    }
}
