package io.omskit.core.jackson;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import java.io.IOException;
import java.util.Set;

/**
 * Fails unknown and missing type names of OMS Kit families with a message that says what went wrong and
 * which names are accepted. Other polymorphic types of the host's mapper are left to Jackson's own handling.
 */
final class TypeNameProblems extends DeserializationProblemHandler {

    private final Set<Class<?>> families;

    TypeNameProblems(Set<Class<?>> families) {
        this.families = families;
    }

    @Override
    public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
                                        TypeIdResolver idResolver, String failureMsg) throws IOException {
        if (!isOurs(baseType)) {
            return null;
        }
        String hint = looksLikeClassName(subTypeId)
                ? " It looks like a Java class name: OMS Kit never resolves class names, only its registered type names."
                : "";
        throw InvalidTypeIdException.from(ctxt.getParser(),
                "Unknown type name '" + subTypeId + "' for " + baseType.getRawClass().getSimpleName() + "." + hint
                        + " Known names: " + idResolver.getDescForKnownTypeIds(),
                baseType, subTypeId);
    }

    @Override
    public JavaType handleMissingTypeId(DeserializationContext ctxt, JavaType baseType, TypeIdResolver idResolver,
                                        String failureMsg) throws IOException {
        if (!isOurs(baseType)) {
            return null;
        }
        throw InvalidTypeIdException.from(ctxt.getParser(),
                "Missing type name property '" + OmsJacksonModule.TYPE_PROPERTY + "' for "
                        + baseType.getRawClass().getSimpleName() + " (class-name properties such as '@class' are never read)."
                        + " Known names: " + idResolver.getDescForKnownTypeIds(),
                baseType, null);
    }

    private boolean isOurs(JavaType baseType) {
        for (Class<?> family : families) {
            if (family.isAssignableFrom(baseType.getRawClass())) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeClassName(String id) {
        return id.indexOf('$') >= 0 || id.startsWith("java.") || id.startsWith("[")
                || (id.indexOf('.') > 0 && !id.equals(id.toLowerCase(java.util.Locale.ROOT)));
    }
}
