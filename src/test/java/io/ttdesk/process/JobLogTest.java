package io.ttdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The deal and the job in the log context while a worker handles a job, and in the lines it logs. */
class JobLogTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void aJobsLinesCarryItsDealAndKeyAndNothingIsLeftAfterwards() {
    MDC.put(JobLog.DEAL_ID, "outer-request-deal");
    try (JobLog ignored = JobLog.of(2251799813685249L, "valuation-compute", "0b7e-id", "SHA-2026-0001")) {
      assertThat(MDC.get(JobLog.DEAL)).isEqualTo("SHA-2026-0001");
      assertThat(MDC.get(JobLog.DEAL_ID)).isEqualTo("0b7e-id");
      assertThat(MDC.get(JobLog.JOB)).isEqualTo("2251799813685249");
      assertThat(MDC.get(JobLog.JOB_TYPE)).isEqualTo("valuation-compute");
      assertThat(line("Valuation stored")).endsWith(
          " INFO deal=SHA-2026-0001 dealId=0b7e-id job=2251799813685249 Valuation stored");
    }
    // What the thread had before comes back; the job's keys go.
    assertThat(MDC.get(JobLog.DEAL_ID)).isEqualTo("outer-request-deal");
    assertThat(MDC.get(JobLog.DEAL)).isNull();
    assertThat(MDC.get(JobLog.JOB)).isNull();
    assertThat(line("Later")).endsWith(" INFO dealId=outer-request-deal Later");
  }

  @Test
  void aDealWhoseReferenceCouldNotBeReadStillHasItsIdAndJob() {
    try (JobLog ignored = JobLog.of(7L, "deal-close", "0b7e-id", null)) {
      assertThat(MDC.get(JobLog.DEAL)).isNull();
      assertThat(line("Closed")).endsWith(" INFO dealId=0b7e-id job=7 Closed");
    }
    assertThat(line("Idle")).endsWith(" INFO Idle");
  }

  /** A line as application.yml's level pattern writes it, followed by the message. */
  private static String line(String message) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties settings = yaml.getObject();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayout layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern("x " + settings.getProperty("logging.pattern.level") + " %m");
    layout.start();
    LoggingEvent event = new LoggingEvent(JobLogTest.class.getName(), context.getLogger(JobLogTest.class), Level.INFO,
        message, null, null);
    return layout.doLayout(event);
  }
}
