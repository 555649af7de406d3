package io.omskit.returns.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import io.omskit.core.jackson.OmsJacksonModule;

/**
 * {@link ReturnsJson#module()} as a Jackson module class of its own, so that
 * {@code ObjectMapper.findAndRegisterModules()} finds it on the class path (it is listed in
 * {@code META-INF/services/com.fasterxml.jackson.databind.Module}) and reads and writes return events under their
 * names. It equals {@link ReturnsJson#module()} for Jackson: registering both is the same as registering one.
 */
public final class ReturnsJacksonModule extends Module {

    private final OmsJacksonModule module = ReturnsJson.module();

    /** The module with the core and return type names. */
    public ReturnsJacksonModule() {
    }

    @Override
    public String getModuleName() {
        return module.getModuleName();
    }

    @Override
    public Version version() {
        return module.version();
    }

    @Override
    public Object getTypeId() {
        return module.getTypeId();
    }

    @Override
    public Iterable<? extends Module> getDependencies() {
        return module.getDependencies();
    }

    @Override
    public void setupModule(SetupContext context) {
        module.setupModule(context);
    }
}
