package io.ttdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API request bodies have a size limit: 1 MB of JSON, 20 MB for a CSV list. A larger declared body
 * is refused with 413 before anything reads it (or checks a password); a body sent without a length
 * stops being read at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimit extends OncePerRequestFilter {

  static final long JSON_LIMIT = DataSize.ofMegabytes(1).toBytes();
  static final long CSV_LIMIT = DataSize.ofMegabytes(20).toBytes();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    long limit = type != null && type.startsWith("text/csv") ? CSV_LIMIT : JSON_LIMIT;
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
          + "\"detail\":\"The body may have at most " + DataSize.ofBytes(limit).toMegabytes() + " MB.\"}");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
  }

  /** A body without a declared length, cut off at the limit: it then reads as truncated, malformed input. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          if (read >= limit) {
            throw new IOException("request body larger than " + limit + " bytes");
          }
          int b = in.read();
          if (b >= 0) {
            read++;
          }
          return b;
        }

        @Override
        public boolean isFinished() { return in.isFinished() || read >= limit; }

        @Override
        public boolean isReady() { return in.isReady(); }

        @Override
        public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
      };
    }
  }
}
