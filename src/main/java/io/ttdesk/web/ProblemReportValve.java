package io.ttdesk.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own answer to a request it refuses before the application sees it (a malformed URL):
 * a minimal problem document instead of Tomcat's HTML page, which also named the server.
 */
public class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer out = response.getReporter();
      if (out != null) {
        out.write("{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Server error" : "Bad request")
            + "\",\"status\":" + status + ",\"detail\":\"The request was refused.\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client has gone; there is nobody left to answer.
    }
  }
}
