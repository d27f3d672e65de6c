package io.ttdesk.notes;

import io.ttdesk.common.InvalidInputException;
import io.ttdesk.common.NotFoundException;
import io.ttdesk.common.ForbiddenException;
import io.ttdesk.deal.Deal;
import io.ttdesk.deal.DealService;
import io.ttdesk.history.History;
import io.ttdesk.security.DeskUser;
import io.ttdesk.security.Role;
import io.ttdesk.tasks.TaskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Comments and files on a deal or one of its tasks. Brokers and managers of the deal's centre add
 * them; everyone who sees the deal reads them. Files are kept outside the web root under a
 * generated name and are only ever served as downloads.
 */
@Service
public class NoteService {

  private final NoteRepository notes;
  private final AttachmentRepository files;
  private final DealService deals;
  private final TaskService tasks;
  private final History history;
  private final Clock clock;
  private final Path dir;
  private final long maxBytes;

  NoteService(NoteRepository notes, AttachmentRepository files, DealService deals, TaskService tasks, History history,
      Clock clock, @Value("${ttdesk.files.dir:./files}") Path dir,
      @Value("${ttdesk.files.max-size:10MB}") DataSize maxSize) {
    this.notes = notes;
    this.files = files;
    this.deals = deals;
    this.tasks = tasks;
    this.history = history;
    this.clock = clock;
    this.dir = dir;
    this.maxBytes = maxSize.toBytes();
  }

  /** A file and its bytes, for a download. */
  public record Download(Attachment file, byte[] bytes) {}

  @Transactional
  public Note comment(String dealId, Long taskId, String body, DeskUser user) {
    Deal deal = writable(dealId, taskId, user);
    if (body == null || body.isBlank() || body.length() > 4000) {
      throw new InvalidInputException("body", "must be 1 to 4000 characters");
    }
    Note note = notes.save(new Note(deal.getId(), taskId, user.getUsername(), body.strip(), clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("noteId", note.getId());
    data.put("taskId", taskId);
    data.put("body", note.getBody());
    history.record(dealId, user.actor(), "COMMENT_ADDED", "Comment by " + user.getUsername(), data);
    return note;
  }

  @Transactional
  public Attachment attach(String dealId, Long taskId, String givenName, byte[] bytes, DeskUser user) {
    Deal deal = writable(dealId, taskId, user);
    String name = FileTypes.cleanName(givenName);
    if (bytes.length == 0) {
      throw new InvalidInputException("file", "is empty");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidInputException("file", "is larger than " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB");
    }
    String type = FileTypes.of(name, bytes).orElseThrow(() -> new InvalidInputException("file",
        "must be one of " + FileTypes.ACCEPTED + ", with a name and content that agree"));
    String storedAs = UUID.randomUUID().toString();
    store(storedAs, bytes);
    Attachment file = files.save(new Attachment(deal.getId(), taskId, name, type, bytes.length, sha256(bytes), storedAs,
        user.getUsername(), clock.instant()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("attachmentId", file.getId());
    data.put("taskId", taskId);
    data.put("fileName", name);
    data.put("contentType", type);
    data.put("size", bytes.length);
    data.put("sha256", file.getSha256());
    history.record(dealId, user.actor(), "FILE_ATTACHED", "File attached: " + name, data);
    return file;
  }

  @Transactional(readOnly = true)
  public List<Note> notes(String dealId) {
    return notes.findByDealIdOrderByIdAsc(dealId);
  }

  @Transactional(readOnly = true)
  public List<Attachment> files(String dealId) {
    return files.findByDealIdOrderByIdAsc(dealId);
  }

  @Transactional(readOnly = true)
  public Download download(long id, DeskUser user) {
    Attachment file = files.findById(id).orElseThrow(() -> new NotFoundException("file", id));
    deals.visible(file.getDealId(), user);
    try {
      return new Download(file, Files.readAllBytes(dir.resolve(file.getStoredAs())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Deal writable(String dealId, Long taskId, DeskUser user) {
    Deal deal = deals.visible(dealId, user);
    if (!(user.has(Role.BROKER) || user.has(Role.MANAGER)) || !user.centres().contains(deal.getCentre())) {
      throw new ForbiddenException("Only brokers and managers of the deal's centre may add comments and files.");
    }
    if (taskId != null && tasks.ofDeal(dealId).stream().noneMatch(t -> t.id() == taskId)) {
      throw new NotFoundException("task", taskId);
    }
    return deal;
  }

  /** Written under a temporary name first, so a half-written file never carries a stored name. */
  private void store(String storedAs, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, "upload", ".part");
      Files.write(part, bytes);
      Files.move(part, dir.resolve(storedAs), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
