package io.ttdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ttdesk.local.DemoData;
import io.ttdesk.local.RequestBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * Deals through the product's API, as its users would drive them: disclosure, screening, term
 * sheet, the counterparty's acceptance, signature, and the upfront fee, until its split is in the
 * ledger. All workers are the product's own; case history and ledger are written.
 */
final class ProductRun {

  /** A task as the list first showed it: its id (the engine's job key) and the wall-clock time. */
  record Seen(long taskId, long atMillis) {}

  record Result(int deals, double seconds, Figures visibility, Figures stage, int conflicts, List<Seen> seen) {}

  /** Polls of the task list, and of everything else: short enough to measure, long enough not to load the machine. */
  private static final Duration TASK_POLL = Duration.ofMillis(20);
  private static final Duration POLL = Duration.ofMillis(100);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final Figures visibility = new Figures();
  private final Figures stage = new Figures();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final java.util.concurrent.ConcurrentLinkedQueue<Seen> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** Tasks announced on the broker's live stream, by deal and kind. */
  private final Map<String, CompletableFuture<Long>> announced = new ConcurrentHashMap<>();
  private final ExecutorService lookups = Executors.newFixedThreadPool(2);

  ProductRun(int port) throws Exception {
    this.base = "http://localhost:" + port + "/api/v1";
    listen("http://localhost:" + port);
  }

  /**
   * Signs the broker in and opens the task list's live stream: the driver learns of a new task
   * as a person's open list does, instead of polling and loading the machine it measures.
   */
  private void listen(String site) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = browser.send(HttpRequest.newBuilder(URI.create(site + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    if (!csrf.find()) {
      throw new IllegalStateException("no sign-in form");
    }
    browser.send(HttpRequest.newBuilder(URI.create(site + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=broker&password=" + DemoData.PASSWORD + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
    browser.sendAsync(HttpRequest.newBuilder(URI.create(site + "/desk/tasks/stream"))
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(res -> res.body().filter(line -> line.startsWith("data:")).forEach(line -> lookups.execute(() -> {
          try {
            JsonNode task = send("GET", "/tasks/" + line.substring(5).trim(), null);
            announced.computeIfAbsent(task.get("dealId").asText() + ":" + task.get("type").asText(),
                k -> new CompletableFuture<>()).complete(task.get("id").asLong());
          } catch (Exception e) {
            // a task of another run or already done: nobody waits for it
          }
        })));
  }

  Result run(int deals, int inFlight) throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(inFlight);
    AtomicInteger left = new AtomicInteger(deals);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      running.add(people.submit(() -> {
        while (left.getAndDecrement() > 0) {
          oneDeal();
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    people.shutdown();
    List<Seen> shown = new ArrayList<>(seen);
    seen.clear();
    return new Result(deals, seconds, visibility, stage, conflicts.getAndSet(0), shown);
  }

  private void oneDeal() throws Exception {
    long asked = System.nanoTime();
    String id = send("POST", "/deals", RequestBodies.disclosure("SHA", "CN", "CN", null)).get("id").asText();
    long screen = awaitTask(id, "ScreenDisclosure", asked);
    send("POST", "/tasks/" + screen + "/complete", Map.of("decision", "PURSUE"));
    long screened = System.nanoTime();
    long prepare = awaitTask(id, "PrepareTermSheet", screened);
    stage.addNanos(System.nanoTime() - screened);
    send("POST", "/tasks/" + prepare + "/complete",
        RequestBodies.termSheet(20000, LocalDate.now().plusMonths(6).toString()));
    await("/deals/" + id, d -> d.get("stage").asText().equals("NEGOTIATION"));
    send("POST", "/deals/" + id + "/counterparty-responses", Map.of("response", "ACCEPT"));
    send("POST", "/deals/" + id + "/signature", Map.of("signedOn", LocalDate.now().toString(), "signedBy", "CEO"));
    await("/deals/" + id, d -> d.get("schedule").size() == 2);
    send("POST", "/deals/" + id + "/payments", Map.of("milestone", "UPFRONT", "amount", "20000.00", "currency", "USD",
        "receivedOn", LocalDate.now().toString()));
    await("/deals/" + id + "/ledger", l -> StreamSupport.stream(l.spliterator(), false)
        .anyMatch(p -> !p.get("lines").isEmpty()));
  }

  /**
   * Waits for the stream to announce the task, then for the task list to answer with it; records
   * how long since the command that made it.
   */
  private long awaitTask(String dealId, String type, long since) throws Exception {
    CompletableFuture<Long> told = announced.computeIfAbsent(dealId + ":" + type, k -> new CompletableFuture<>());
    try {
      told.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // no announcement: the list is polled below all the same
    }
    announced.remove(dealId + ":" + type);
    JsonNode found = await("/tasks?dealId=" + dealId, TASK_POLL, tasks -> StreamSupport.stream(tasks.spliterator(), false)
        .anyMatch(t -> t.get("type").asText().equals(type)));
    visibility.addNanos(System.nanoTime() - since);
    long id = StreamSupport.stream(found.spliterator(), false).filter(t -> t.get("type").asText().equals(type))
        .findFirst().orElseThrow().get("id").asLong();
    seen.add(new Seen(id, System.currentTimeMillis()));
    return id;
  }

  private JsonNode await(String path, Predicate<JsonNode> until) throws Exception {
    return await(path, POLL, until);
  }

  private JsonNode await(String path, Duration poll, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode body = send("GET", path, null);
      if (until.test(body)) {
        return body;
      }
      Thread.sleep(poll);
    }
    throw new IllegalStateException("timed out waiting on " + path);
  }

  JsonNode send(String method, String path, Object body) throws Exception {
    return send(method, path, body, "broker");
  }

  JsonNode send(String method, String path, Object body, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    for (int retry = 0; response.statusCode() == 409 && retry < 3 && body != null; retry++) {
      // "Changed concurrently": a person reloads and tries again.
      conflicts.incrementAndGet();
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
    return response.body().length == 0 ? json.nullNode()
        : isJson ? json.readTree(response.body()) : json.getNodeFactory().textNode(new String(response.body(), StandardCharsets.UTF_8));
  }
}
