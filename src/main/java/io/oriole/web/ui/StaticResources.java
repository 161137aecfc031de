package io.oriole.web.ui;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files under a few exact prefixes instead of Spring Boot's catch-all {@code /**}
 * ({@code spring.web.resources.add-mappings=false}). With the catch-all, every link a page renders
 * ({@code /workspace/conversations/42}, …) was looked up as a possible static file, through the class path and the
 * WebJars inside the jar, on every render, and not cached because nothing was found: under load that was the
 * largest single cost of drawing the workspace. Version-free WebJars links ({@code /webjars/htmx.org/dist/…}) still
 * resolve, and are cached once found.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/");
        registry.addResourceHandler("/widget.js", "/embed-demo.html", "/favicon.ico")
                .addResourceLocations("classpath:/static/");
    }
}
