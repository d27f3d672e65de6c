package io.ttdesk.process;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProcessedJobRepository extends JpaRepository<ProcessedJob, Long> {}
