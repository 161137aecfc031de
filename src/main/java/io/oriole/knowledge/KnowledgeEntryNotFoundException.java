package io.oriole.knowledge;

/** No such entry in the caller's tenant (also for ids of other tenants). */
public class KnowledgeEntryNotFoundException extends RuntimeException {

    public KnowledgeEntryNotFoundException(long id) {
        super("knowledge entry " + id + " not found");
    }
}
