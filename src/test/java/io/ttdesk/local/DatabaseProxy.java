package io.ttdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a local port in front of a database server the tests do not own, so that a test
 * can take the database away and bring it back: cutting drops every connection and refuses new
 * ones, as a stopped server does.
 */
final class DatabaseProxy {

  private final String host;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;
  /** Counts the cuts: a connection that began before the latest cut is closed however late it shows. */
  private int generation;

  DatabaseProxy(String host, int targetPort) {
    this.host = host;
    this.targetPort = targetPort;
    this.port = EmbeddedInfrastructure.freePort();
    open();
  }

  int port() {
    return port;
  }

  /** Accepts connections again on the same port. */
  synchronized void open() {
    try {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = server;
      Thread.ofVirtual().name("database-proxy").start(() -> accept(server));
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on port " + port, e);
    }
  }

  /** Closes every relayed connection and stops accepting new ones. */
  synchronized void cut() {
    generation++;
    close(listener);
    sockets.forEach(DatabaseProxy::close);
    sockets.clear();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        int since = currentGeneration();
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> relay(client, since));
      } catch (IOException e) {
        // closed by cut()
      }
    }
  }

  private synchronized int currentGeneration() {
    return generation;
  }

  /** Keeps the socket to be closed by the next cut, or closes it now if a cut came since it began. */
  private synchronized boolean track(Socket socket, int since) {
    if (since != generation) {
      close(socket);
      return false;
    }
    sockets.add(socket);
    return true;
  }

  private void relay(Socket client, int since) {
    if (!track(client, since)) {
      return;
    }
    try (Socket database = new Socket(host, targetPort)) {
      if (!track(database, since)) {
        return;
      }
      Thread upstream = Thread.ofVirtual().start(() -> copy(client, database));
      copy(database, client);
      upstream.join();
    } catch (IOException | InterruptedException e) {
      // the server is unreachable: the client sees its connection closed
    } finally {
      close(client);
    }
  }

  /** Copies until either side closes, then closes both so the other direction ends too. */
  private void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // closed
    } finally {
      close(from);
      close(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void close(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
