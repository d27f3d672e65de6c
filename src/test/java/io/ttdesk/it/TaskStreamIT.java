package io.ttdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.ttdesk.local.DemoData;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A signed-in task list hears of a new task of its groups as a server-sent event, and of no other. */
class TaskStreamIT extends ApiTest {

  @Test
  void aNewTaskReachesTheBrokersOpenListAndNotAnotherCentre() throws Exception {
    BlockingQueue<Heard> shanghai = listen("broker");
    BlockingQueue<Heard> berlin = listen("berlin");
    long sent = System.nanoTime();
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    Heard event = eventOf(task, shanghai, Duration.ofSeconds(30));
    assertThat(event).as("event of task %d", task).isNotNull();
    long millis = TimeUnit.NANOSECONDS.toMillis(event.at() - sent);
    System.out.printf("task event %d ms after the disclosure was posted%n", millis);
    assertThat(eventOf(task, berlin, Duration.ofSeconds(1))).isNull();
  }

  @Test
  void aDisabledUsersOpenStreamEndsAndHearsNothingMore() throws Exception {
    post("admin", "/api/v1/users", java.util.Map.of("username", "streamer", "displayName", "Stream Listener",
        "password", "listening-for-tasks", "roles", java.util.List.of("BROKER"), "centres", java.util.List.of("SHA")))
        .expect(201);
    BlockingQueue<Heard> disabled = listen("streamer", "listening-for-tasks");
    BlockingQueue<Heard> shanghai = listen("broker");
    call("admin", "PUT", "/api/v1/users/streamer", java.util.Map.of("displayName", "Stream Listener",
        "roles", java.util.List.of("BROKER"), "centres", java.util.List.of("SHA"), "enabled", false)).expect(200);
    String id = disclose(disclosure("SHA", "CN", "CN", null));
    long task = awaitTask("broker", id, "ScreenDisclosure");
    assertThat(eventOf(task, shanghai, Duration.ofSeconds(30))).as("event of task %d", task).isNotNull();
    assertThat(eventOf(task, disabled, Duration.ofSeconds(2))).isNull();
  }

  /** The data line of a "task" event and when it arrived (System.nanoTime). */
  private record Heard(String data, long at) {}

  /**
   * The event of that task, skipping the others: tasks of deals that other classes left open may
   * be announced on the same stream. Null if it does not come within the time.
   */
  private static Heard eventOf(long task, BlockingQueue<Heard> events, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    for (Heard h; (h = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
      if (h.data().equals("data:" + task)) {
        return h;
      }
    }
    return null;
  }

  private BlockingQueue<Heard> listen(String user) throws Exception {
    return listen(user, DemoData.PASSWORD);
  }

  /** Signs in through the form and collects the data lines of the "task" events of the stream. */
  private BlockingQueue<Heard> listen(String user, String password) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port;
    String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).isTrue();
    String form = "username=" + user + "&password=" + password + "&_csrf="
        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.headers().firstValue("Location")).hasValue(base + "/desk");
    BlockingQueue<Heard> events = new LinkedBlockingQueue<>();
    BlockingQueue<Boolean> open = new LinkedBlockingQueue<>();
    http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/desk/tasks/stream")).timeout(Duration.ofMinutes(2))
            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(res -> {
          boolean[] task = {false};
          res.body().forEach(line -> {
            if (line.startsWith(":")) {
              open.add(true);
            }
            if (line.equals("event:task")) {
              task[0] = true;
            } else if (task[0] && line.startsWith("data:")) {
              events.add(new Heard(line, System.nanoTime()));
              task[0] = false;
            }
          });
        });
    assertThat(open.poll(10, TimeUnit.SECONDS)).as("stream of " + user + " opened").isTrue();
    return events;
  }
}
