package ai.askel.confluence.ports.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.TableRow;
import ai.askel.confluence.domain.TemplateInputs;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.storage.Inline;
import ai.askel.confluence.domain.storage.InvalidStorageFormatException;
import ai.askel.confluence.domain.storage.PanelType;
import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.domain.storage.StorageBuilder;
import ai.askel.confluence.domain.storage.StorageFormatValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Freezes the template SPI: template jars built against an earlier connector must keep working, so
 * the SPI and the domain types it hands templates only ever grow. The snapshot in
 * {@code src/test/resources/spi-signature.txt} lists the surface; a change that removes or alters a
 * line, or adds an abstract method to an interface, fails here. After an additive change, refresh
 * it with {@code -Dspi.snapshot.update=true} (and bump {@link TemplateHostContext#CURRENT_SPI_VERSION}).
 */
class SpiSignatureTest {
    static final List<Class<?>> SURFACE = List.of(ContentTemplateProvider.class, InputType.class, RenderContext.class,
            TemplateHostContext.class, TemplateInput.class, TemplateRefusedException.class,
            TemplateInputs.class, TableRow.class, Title.class, SpaceKey.class, ConnectorException.class, ErrorCode.class,
            InvalidInputException.class, StorageBuilder.class, Inline.class, PanelType.class, StatusColour.class,
            StorageFormatValidator.class, InvalidStorageFormatException.class);
    private static final Path SNAPSHOT = Path.of("src/test/resources/spi-signature.txt");

    @Test
    void the_spi_surface_is_compatible_with_the_snapshot() throws IOException {
        List<String> current = SpiSignature.of(SURFACE);
        if (Boolean.getBoolean("spi.snapshot.update")) {
            Files.write(SNAPSHOT, current);
        }
        List<String> snapshot = Files.readAllLines(SNAPSHOT).stream().filter(line -> !line.isBlank()).toList();

        assertThat(SpiSignature.incompatibilities(snapshot, current))
                .as("the template SPI changed incompatibly; evolve it additively (new default methods, new types)")
                .isEmpty();
        assertThat(current).as("the SPI grew: refresh the snapshot with -Dspi.snapshot.update=true").hasSameSizeAs(snapshot);
    }

    @Test
    void the_snapshot_covers_the_provider_interface_and_the_typed_inputs() throws IOException {
        List<String> snapshot = Files.readAllLines(SNAPSHOT);

        assertThat(snapshot).contains("interface ai.askel.confluence.ports.spi.ContentTemplateProvider",
                "ai.askel.confluence.ports.spi.ContentTemplateProvider#abstract render(ai.askel.confluence.domain.TemplateInputs,"
                        + " ai.askel.confluence.ports.spi.RenderContext) : java.lang.String",
                "ai.askel.confluence.domain.TemplateInputs#number(java.lang.String) : java.util.Optional<java.math.BigDecimal>");
    }

    /** Two versions of a small SPI: what a deliberate incompatible change looks like to the check. */
    public interface Before {
        String id();

        default String name() {
            return id();
        }
    }

    public interface AfterRemovingAMethod {
        String id();
    }

    public interface AfterChangingAReturnType {
        String id();

        default Object name() {
            return id();
        }
    }

    public interface AfterAddingAnAbstractMethod {
        String id();

        default String name() {
            return id();
        }

        String extra();
    }

    public interface AfterAddingADefaultMethod {
        String id();

        default String name() {
            return id();
        }

        default Set<String> extra() {
            return Set.of();
        }
    }

    @Test
    void a_deliberate_incompatible_change_fails_the_check_and_an_additive_one_passes() {
        List<String> before = SpiSignature.of(List.of(Before.class));

        assertThat(SpiSignature.incompatibilities(before, as(AfterRemovingAMethod.class)))
                .containsExactly("removed or changed: " + Before.class.getName() + "#default name() : java.lang.String");
        assertThat(SpiSignature.incompatibilities(before, as(AfterChangingAReturnType.class)))
                .containsExactly("removed or changed: " + Before.class.getName() + "#default name() : java.lang.String");
        assertThat(SpiSignature.incompatibilities(before, as(AfterAddingAnAbstractMethod.class)))
                .singleElement().asString().startsWith("an interface gained an abstract method");
        assertThat(SpiSignature.incompatibilities(before, as(AfterAddingADefaultMethod.class))).isEmpty();
    }

    /** The signature of {@code after}, written under {@link Before}'s name so the two compare. */
    private static List<String> as(Class<?> after) {
        return SpiSignature.of(List.of(after)).stream().map(line -> line.replace(after.getName(), Before.class.getName())).toList();
    }
}
