package io.itinera.gateway.system;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes the OpenAPI schemas of our records say what the code guarantees: every record component that is not
 * {@code @Nullable} (JSpecify) is {@code required} (answers omit only null fields), {@code @NotBlank}/{@code @NotEmpty}
 * become {@code minLength}/{@code minItems: 1}, and constraints on list elements ({@code List<@Size(max = 100)
 * String>}) reach {@code items}. Runs once per type when springdoc builds the document, never per request.
 */
@Component
class RequiredPropertiesConverter implements ModelConverter {

    @Override
    public @Nullable Schema resolve(
            io.swagger.v3.core.converter.AnnotatedType type,
            ModelConverterContext context,
            Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null) {
            return null;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (raw.isRecord()) {
            Schema<?> model = schema.get$ref() == null
                    ? schema
                    : context.getDefinedModels()
                            .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (model != null && model.getProperties() != null) {
                describe(model, raw);
            }
        }
        return schema;
    }

    private static void describe(Schema<?> model, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    && (model.getRequired() == null || !model.getRequired().contains(component.getName()))) {
                model.addRequiredItem(component.getName());
            }
            if (constrained(component, NotBlank.class) || constrained(component, NotEmpty.class)) {
                atLeastOne(property);
            }
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType list
                    && property.getItems() != null
                    && list.getAnnotatedActualTypeArguments().length == 1) {
                java.lang.reflect.AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                if (element.isAnnotationPresent(NotBlank.class)) {
                    atLeastOne(property.getItems());
                }
                Size size = element.getAnnotation(Size.class);
                if (size != null && size.max() < Integer.MAX_VALUE) {
                    property.getItems().setMaxLength(size.max());
                }
            }
        }
    }

    private static boolean constrained(RecordComponent component, Class<? extends Annotation> type) {
        AnnotatedElement accessor = component.getAccessor();
        return accessor.isAnnotationPresent(type)
                || component.getAnnotatedType().isAnnotationPresent(type);
    }

    private static void atLeastOne(Schema<?> property) {
        if (property.getItems() != null || "array".equals(property.getType()) || hasType(property, "array")) {
            property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
        } else {
            property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
        }
    }

    private static boolean hasType(Schema<?> property, String type) {
        return property.getTypes() != null && property.getTypes().contains(type);
    }
}
