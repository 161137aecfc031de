package io.oriole.web.workspace;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Hands {@link SlaView} to every workspace page as {@code slaView}: Thymeleaf's restricted expression mode forbids
 * bean references in attributes, and this keeps the workspace controllers unaware of SLAs.
 */
@ControllerAdvice(basePackageClasses = SlaViewAdvice.class)
class SlaViewAdvice {

    private final SlaView view;

    SlaViewAdvice(SlaView view) {
        this.view = view;
    }

    @ModelAttribute("slaView")
    SlaView slaView() {
        return view;
    }
}
