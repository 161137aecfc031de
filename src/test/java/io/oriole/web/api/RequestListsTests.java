package io.oriole.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every list, set or map a request record of the API reads carries {@link NoNullItems}, so a null item can never
 * reach a module again; {@code RequestListsApiIntegrationTests} shows what a client then gets.
 */
class RequestListsTests {

    @Test
    void everyCollectionARequestRecordReadsRefusesNullItems() {
        List<String> unguarded = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.oriole.web.api").stream().map(JavaClass::reflect).filter(Class::isRecord)
                .filter(RequestListsTests::isRequest).flatMap(type -> unguarded(type).stream()).toList();

        assertThat(unguarded).isEmpty();
    }

    @Test
    void theCheckFindsACollectionWithoutTheAnnotation() {
        record Sloppy(String name, @NoNullItems List<String> guarded, Set<String> open, Map<String, Integer> map) {
        }

        assertThat(unguarded(Sloppy.class)).containsExactly("Sloppy.open", "Sloppy.map");
    }

    /** Records the API answers with are not read from a request. */
    static boolean isRequest(Class<?> type) {
        return !type.getSimpleName().endsWith("Response") && !type.getSimpleName().equals("ResultPage")
                && !type.getSimpleName().equals("FieldProblem") && !type.getSimpleName().equals("AttainmentReport")
                && !type.getSimpleName().equals("ConversationHistory");
    }

    static List<String> unguarded(Class<?> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(c -> Collection.class.isAssignableFrom(c.getType()) || Map.class.isAssignableFrom(c.getType()))
                .filter(c -> !c.getAccessor().isAnnotationPresent(NoNullItems.class))
                .map((RecordComponent c) -> type.getSimpleName() + "." + c.getName()).toList();
    }
}
