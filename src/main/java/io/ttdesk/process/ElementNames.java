package io.ttdesk.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Element names read from the deployed diagrams, so task names are written only there. */
@Component
public class ElementNames {

  private final Map<String, String> names = new HashMap<>();

  ElementNames() {
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:/bpmn/*.bpmn")) {
        try (InputStream in = r.getInputStream()) {
          Bpmn.readModelFromStream(in).getModelElementsByType(FlowElement.class)
              .forEach(e -> names.put(e.getId(), e.getName() == null ? e.getId() : e.getName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String of(String elementId) {
    return names.getOrDefault(elementId, elementId);
  }
}
