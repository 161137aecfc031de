package io.oriole.web.api;

/**
 * No such resource in the caller's tenant. Thrown for ids of other tenants too: the answer must not tell them
 * apart, or ids would leak which other tenants exist and how busy they are.
 */
class UnknownIdException extends RuntimeException {

    UnknownIdException(String kind, long id) {
        super(kind + " " + id + " not found");
    }

    UnknownIdException(String kind, String name) {
        super(kind + " '" + name + "' not found");
    }
}
