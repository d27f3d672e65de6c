package io.ttdesk.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The deal diagram as an SVG picture, drawn from the BPMN file's own diagram information, with
 * each element marked done, active or pending for one deal.
 */
@Component
public class Diagram {

  public enum Mark { DONE, ACTIVE, PENDING }

  private record Shape(String id, String kind, String name, double x, double y, double w, double h) {}

  private record Edge(String id, String source, String target, List<double[]> points) {}

  private final List<Shape> shapes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private double minX = Double.MAX_VALUE;
  private double minY = Double.MAX_VALUE;
  private double width;
  private double height;

  Diagram() {
    try (InputStream in = new ClassPathResource("bpmn/deal.bpmn").getInputStream()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(in);
      for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
        BaseElement e = s.getBpmnElement();
        Bounds b = s.getBounds();
        shapes.add(new Shape(e.getId(), kind(e), e instanceof FlowElement f && f.getName() != null ? f.getName() : "",
            b.getX(), b.getY(), b.getWidth(), b.getHeight()));
        minX = Math.min(minX, b.getX());
        minY = Math.min(minY, b.getY() - 30);
        width = Math.max(width, b.getX() + b.getWidth());
        height = Math.max(height, b.getY() + b.getHeight() + 30);
      }
      // Subprocesses first, so the elements inside are drawn over them.
      shapes.sort((a, b) -> Boolean.compare(!"subprocess".equals(a.kind()), !"subprocess".equals(b.kind())));
      for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
        if (e.getBpmnElement() instanceof SequenceFlow flow) {
          edges.add(new Edge(flow.getId(), flow.getSource().getId(), flow.getTarget().getId(),
              e.getWaypoints().stream().map((Waypoint w) -> new double[] {w.getX(), w.getY()}).toList()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kind(BaseElement e) {
    if (e instanceof SubProcess) {
      return "subprocess";
    }
    if (e instanceof EndEvent) {
      return "end";
    }
    if (e instanceof Event) {
      return "event";
    }
    if (e instanceof ParallelGateway) {
      return "parallel";
    }
    if (e instanceof Gateway) {
      return "gateway";
    }
    return "task";
  }

  /**
   * The picture for one deal, each element labelled by {@code labels} from its id and the
   * diagram's own name (so a page can put it in the reader's language). Elements not named in {@code marks} are pending; a flow counts as
   * taken when its source is done and its target is done or active.
   */
  public String svg(Map<String, Mark> given, String title, java.util.function.BinaryOperator<String> labels) {
    Map<String, Mark> marks = onPath(given);
    StringBuilder svg = new StringBuilder();
    double w = width - minX + 20;
    double h = height - minY + 10;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\" viewBox=\"")
        .append(num(minX - 10)).append(' ').append(num(minY)).append(' ').append(num(w)).append(' ').append(num(h))
        .append("\" width=\"").append(num(w * 0.8)).append("\" height=\"").append(num(h * 0.8)).append("\">")
        .append("<title>").append(esc(title)).append("</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
        .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
    for (Shape s : shapes) {
      if ("subprocess".equals(s.kind())) {
        shape(svg, s, marks.getOrDefault(s.id(), Mark.PENDING), labels);
      }
    }
    for (Edge e : edges) {
      boolean taken = marks.get(e.source()) == Mark.DONE && marks.get(e.target()) != null;
      svg.append("<polyline class=\"flow").append(taken ? " done" : "").append("\" data-flow=\"").append(esc(e.id()))
          .append("\" points=\"");
      for (double[] p : e.points()) {
        svg.append(num(p[0])).append(',').append(num(p[1])).append(' ');
      }
      svg.append("\" marker-end=\"url(#arrow)\"/>");
    }
    for (Shape s : shapes) {
      if (!"subprocess".equals(s.kind())) {
        shape(svg, s, marks.getOrDefault(s.id(), Mark.PENDING), labels);
      }
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Gateways, events and subprocesses the case store knows nothing of are done when the process
   * passed them: a done element leads to them (through other such elements), and they lead on to
   * a done or active one. A subprocess counts as reached when anything inside it is marked.
   */
  private Map<String, Mark> onPath(Map<String, Mark> given) {
    Map<String, Mark> marks = new java.util.HashMap<>(given);
    for (Shape sub : shapes) {
      if ("subprocess".equals(sub.kind())
          && shapes.stream().anyMatch(s -> s != sub && marks.containsKey(s.id()) && inside(s, sub))) {
        marks.putIfAbsent(sub.id(), Mark.DONE);
      }
    }
    java.util.Set<String> open = new java.util.HashSet<>();
    for (Shape s : shapes) {
      if (!marks.containsKey(s.id()) && !"task".equals(s.kind())) {
        open.add(s.id());
      }
    }
    java.util.Set<String> reached = new java.util.HashSet<>();
    java.util.Set<String> leads = new java.util.HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Edge e : edges) {
        if (open.contains(e.target()) && (marks.get(e.source()) == Mark.DONE || reached.contains(e.source()))
            && reached.add(e.target())) {
          changed = true;
        }
        if (open.contains(e.source()) && (marks.containsKey(e.target()) || leads.contains(e.target()))
            && leads.add(e.source())) {
          changed = true;
        }
      }
    }
    reached.stream().filter(leads::contains).forEach(id -> marks.put(id, Mark.DONE));
    return marks;
  }

  private static boolean inside(Shape s, Shape sub) {
    return s.x() >= sub.x() && s.y() >= sub.y() && s.x() + s.w() <= sub.x() + sub.w()
        && s.y() + s.h() <= sub.y() + sub.h();
  }

  private static void shape(StringBuilder svg, Shape s, Mark mark, java.util.function.BinaryOperator<String> labels) {
    String name = s.name().isEmpty() ? "" : labels.apply(s.id(), s.name());
    svg.append("<g class=\"el ").append(s.kind()).append(' ').append(mark.name().toLowerCase())
        .append("\" data-element=\"").append(esc(s.id())).append("\"><title>").append(esc(name)).append(" (")
        .append(mark.name().toLowerCase()).append(")</title>");
    double cx = s.x() + s.w() / 2;
    double cy = s.y() + s.h() / 2;
    switch (s.kind()) {
      case "event", "end" -> {
        svg.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
            .append(num(s.w() / 2)).append("\"/>");
        label(svg, name, cx, s.y() + s.h() + 14, 18);
      }
      case "gateway", "parallel" -> {
        svg.append("<polygon points=\"").append(num(cx)).append(',').append(num(s.y())).append(' ')
            .append(num(s.x() + s.w())).append(',').append(num(cy)).append(' ').append(num(cx)).append(',')
            .append(num(s.y() + s.h())).append(' ').append(num(s.x())).append(',').append(num(cy)).append("\"/>");
        svg.append("<text class=\"marker\" x=\"").append(num(cx)).append("\" y=\"").append(num(cy + 7)).append("\">")
            .append("parallel".equals(s.kind()) ? "+" : "×").append("</text>");
        label(svg, name, cx, s.y() - 8, 22);
      }
      case "subprocess" -> {
        svg.append("<rect x=\"").append(num(s.x())).append("\" y=\"").append(num(s.y())).append("\" width=\"")
            .append(num(s.w())).append("\" height=\"").append(num(s.h())).append("\" rx=\"10\"/>");
        label(svg, name, cx, s.y() + 18, 60);
      }
      default -> {
        svg.append("<rect x=\"").append(num(s.x())).append("\" y=\"").append(num(s.y())).append("\" width=\"")
            .append(num(s.w())).append("\" height=\"").append(num(s.h())).append("\" rx=\"8\"/>");
        label(svg, name, cx, cy - 6, 14);
      }
    }
    svg.append("</g>");
  }

  /** A name in lines of about {@code width} characters, centred on x from y down. */
  private static void label(StringBuilder svg, String name, double x, double y, int width) {
    if (name == null || name.isBlank()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : name.split(" ")) {
      if (!line.isEmpty() && line.length() + word.length() + 1 > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y + i * 14)).append("\">")
          .append(esc(lines.get(i))).append("</text>");
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
