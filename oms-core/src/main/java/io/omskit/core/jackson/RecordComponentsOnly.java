package io.omskit.core.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes exactly the components of OMS Kit records. Derived helpers such as {@code isBundle()} or
 * {@code isBackInStock()} look like bean getters to Jackson; writing them would put values on the wire
 * that no reader accepts back, and make the format change whenever a helper is added.
 */
final class RecordComponentsOnly extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                     List<BeanPropertyWriter> beanProperties) {
        Class<?> type = beanDesc.getBeanClass();
        if (!type.isRecord() || !OmsJacksonModule.isOmsType(type)) {
            return beanProperties;
        }
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        List<BeanPropertyWriter> kept = new ArrayList<>(beanProperties.size());
        for (BeanPropertyWriter w : beanProperties) {
            if (components.contains(w.getName())) {
                kept.add(w);
            }
        }
        return kept;
    }
}
