package io.ttdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every diagram in bpmn/ carries its layout: a file without it still deploys, but Camunda Modeler
 * opens it empty and the desk cannot draw it.
 */
class DiagramLayoutTest {

  private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static Stream<Path> bpmnFiles() throws IOException {
    return files(".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files(".dmn");
  }

  private static Stream<Path> files(String suffix) throws IOException {
    List<Path> found;
    try (Stream<Path> all = Files.list(Path.of("bpmn"))) {
      found = all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
    assertThat(found).as("diagrams ending in " + suffix).isNotEmpty();
    return found.stream();
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyFlowNodeHasAShapeAndEveryFlowAnEdge(Path file) {
    assertThat(withoutLayout(Bpmn.readModelFromFile(file.toFile()))).isEmpty();
  }

  @Test
  void aProcessWithoutLayoutIsReported() {
    String xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
          <process id="bare" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="flow" sourceRef="start" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>""";
    BpmnModelInstance bare = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(withoutLayout(bare)).containsExactlyInAnyOrder("start", "flow", "end");
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void everyDecisionHasAShape(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document dmn = factory.newDocumentBuilder().parse(file.toFile());
    Set<String> shown = new HashSet<>();
    NodeList shapes = dmn.getElementsByTagNameNS(DMNDI, "DMNShape");
    for (int i = 0; i < shapes.getLength(); i++) {
      shown.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
    }
    NodeList decisions = dmn.getElementsByTagNameNS(DMN, "decision");
    assertThat(decisions.getLength()).isPositive();
    for (int i = 0; i < decisions.getLength(); i++) {
      assertThat(shown).contains(((Element) decisions.item(i)).getAttribute("id"));
    }
  }

  /** Ids of the flow nodes without a shape and the sequence flows without an edge. */
  private static List<String> withoutLayout(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    List<String> missing = new ArrayList<>();
    Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
            model.getModelElementsByType(SequenceFlow.class).stream())
        .map(BaseElement::getId)
        .filter(id -> !drawn.contains(id))
        .forEach(missing::add);
    return missing;
  }
}
