package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.StatusColour;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a template's descriptor ({@code template.yaml} or {@code template.json}) declares: its id,
 * version and names, its inputs with their rules and defaults, the labels it suggests, the inputs
 * that name attachments it can show, the status colours, and the body file (when it names one).
 */
record Descriptor(String id, String version, String name, String description, List<TemplateInput> inputs,
                  Map<String, Rules> rules, Map<String, Object> defaults, Set<String> labels, Optional<String> titlePattern,
                  Map<String, StatusColour> statusColours, List<String> attachmentInputs, Optional<String> bodyFile) {

    /** The constraints on one input, beyond its type. */
    record Rules(Optional<Integer> maxLength, Optional<Pattern> pattern, List<String> allowed, Optional<BigDecimal> min,
                 Optional<BigDecimal> max, Optional<Integer> maxItems) {
        static final Rules NONE = new Rules(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());

        Rules {
            allowed = List.copyOf(allowed);
        }
    }

    Descriptor {
        inputs = List.copyOf(inputs);
        rules = Map.copyOf(rules);
        defaults = Map.copyOf(defaults);
        labels = Set.copyOf(labels);
        statusColours = Map.copyOf(statusColours);
        attachmentInputs = List.copyOf(attachmentInputs);
    }
}
