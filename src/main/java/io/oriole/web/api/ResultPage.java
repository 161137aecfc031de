package io.oriole.web.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code page} counts from 0, {@code total} is the number of items over all pages. */
record ResultPage<T>(List<T> items, int page, int size, long total) {

    static <S, T> ResultPage<T> of(List<S> items, Function<S, T> view, int page, int size, long total) {
        return new ResultPage<>(items.stream().map(view).toList(), page, size, total);
    }
}
