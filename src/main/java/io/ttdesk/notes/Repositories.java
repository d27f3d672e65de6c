package io.ttdesk.notes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoteRepository extends JpaRepository<Note, Long> {

  List<Note> findByDealIdOrderByIdAsc(String dealId);
}

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  List<Attachment> findByDealIdOrderByIdAsc(String dealId);
}
