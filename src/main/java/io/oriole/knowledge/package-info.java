/**
 * Knowledge base: per-tenant articles and FAQ entries with alternative phrasings, categories, languages, tags,
 * draft/published status and a version history of who changed what; hybrid retrieval (Lucene BM25 over HanLP
 * segmented text plus BGE embedding similarity) fused into one ranked list with a calibrated confidence; the
 * inbox of questions nobody could answer yet. The {@code eval matching} subcommand measures the question
 * similarity score the bot relies on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package io.oriole.knowledge;
