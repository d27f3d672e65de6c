package io.ttdesk;

import io.camunda.client.annotation.Deployment;
import io.ttdesk.process.DealProcess;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@Deployment(resources = DealProcess.RESOURCES)
public class DealDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(DealDeskApplication.class, args);
  }

  /** Every "now" comes from here, so tests can fix it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
