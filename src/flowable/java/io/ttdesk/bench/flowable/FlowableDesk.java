package io.ttdesk.bench.flowable;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.client.CamundaClient;
import io.ttdesk.process.Engine;
import io.ttdesk.process.FlowableEngine;
import java.util.Map;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The application with Flowable's embedded engine in place of Zeebe, for the benchmark's
 * side-by-side run: added as a source ({@code spring.main.sources}) of an application whose Zeebe
 * job workers are switched off. Flowable keeps its tables in a database of its own on the same
 * server; its asynchronous executor runs the service tasks on as many threads as the Zeebe client.
 */
public class FlowableDesk {

  @Bean(destroyMethod = "close")
  ProcessEngine flowableProcessEngine(ApplicationContext context, Environment env) {
    HikariDataSource database = new HikariDataSource();
    database.setPoolName("flowable");
    database.setJdbcUrl(env.getRequiredProperty("ttdesk.bench.flowable.jdbc-url"));
    database.setUsername(env.getProperty("spring.datasource.username"));
    database.setPassword(env.getProperty("spring.datasource.password"));
    database.setMaximumPoolSize(20);
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setDataSource(database);
    config.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    config.setDisableIdmEngine(true);
    config.setDisableEventRegistry(true);
    config.setAsyncExecutorActivate(true);
    config.setAsyncExecutorCorePoolSize(8);
    config.setAsyncExecutorMaxPoolSize(8);
    config.setBeans(Map.of("jobs", new FlowableJobs(context), "userTasks", new FlowableTasks(context)));
    ProcessEngine engine = config.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("deal").addClasspathResource("flowable/deal.bpmn20.xml")
        .enableDuplicateFiltering().deploy();
    return engine;
  }

  @Bean
  @Primary
  Engine flowableEngine(CamundaClient unused, ProcessEngine flowable) {
    return new FlowableEngine(unused, flowable.getRuntimeService(), flowable.getTaskService());
  }
}
