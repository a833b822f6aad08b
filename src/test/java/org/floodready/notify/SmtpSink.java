package org.floodready.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real SMTP server for the tests (RFC 5321 without extensions): accepts every message on a local
 * port and keeps it with its envelope recipients and decoded text.
 */
final class SmtpSink implements AutoCloseable {
  record Mail(List<String> to, String raw, String subject, String text) {
  }

  private final ServerSocket server;
  final List<Mail> mails = new CopyOnWriteArrayList<>();

  SmtpSink() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "smtp-sink");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> session(s), "smtp-session");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void session(Socket socket) {
    try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
        StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      List<String> rcpt = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.toUpperCase();
        if (cmd.startsWith("EHLO")) {
          reply(out, "250-sink\r\n250 8BITMIME");
        } else if (cmd.startsWith("HELO") || cmd.startsWith("MAIL FROM") || cmd.startsWith("RSET")
            || cmd.startsWith("NOOP")) {
          if (cmd.startsWith("RSET")) {
            rcpt.clear();
          }
          reply(out, "250 OK");
        } else if (cmd.startsWith("RCPT TO")) {
          rcpt.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
          reply(out, "250 OK");
        } else if (cmd.startsWith("DATA")) {
          reply(out, "354 go ahead");
          StringBuilder data = new StringBuilder();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
          }
          mails.add(parse(List.copyOf(rcpt), data.toString()));
          rcpt.clear();
          reply(out, "250 OK queued");
        } else if (cmd.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "502 not implemented");
        }
      }
    } catch (IOException ignored) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static Mail parse(List<String> to, String raw) {
    int split = raw.indexOf("\r\n\r\n");
    String headers = split < 0 ? raw : raw.substring(0, split);
    String body = split < 0 ? "" : raw.substring(split + 4);
    String unfolded = headers.replace("\r\n ", " ").replace("\r\n\t", " ");
    String subject = decodeWords(header(unfolded, "Subject"));
    String encoding = header(unfolded, "Content-Transfer-Encoding").trim().toLowerCase();
    String text = switch (encoding) {
      case "base64" -> new String(Base64.getMimeDecoder().decode(body.trim()), StandardCharsets.UTF_8);
      case "quoted-printable" -> quotedPrintable(body);
      default -> body;
    };
    return new Mail(to, raw, subject, text);
  }

  private static String header(String headers, String name) {
    for (String h : headers.split("\r\n")) {
      if (h.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return h.substring(name.length() + 1).trim();
      }
    }
    return "";
  }

  /** RFC 2047 encoded words (=?UTF-8?B?..?= and =?UTF-8?Q?..?=). */
  private static String decodeWords(String value) {
    Matcher m = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=").matcher(value);
    StringBuilder out = new StringBuilder();
    int end = 0;
    while (m.find()) {
      String between = value.substring(end, m.start());
      if (!between.isBlank()) {
        out.append(between);
      }
      String word = m.group(3);
      out.append(m.group(2).equalsIgnoreCase("B")
          ? new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8)
          : quotedPrintable(word.replace('_', ' ')));
      end = m.end();
    }
    return out.append(value.substring(end)).toString();
  }

  private static String quotedPrintable(String s) {
    String joined = s.replace("=\r\n", "");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < joined.length(); i++) {
      char c = joined.charAt(i);
      if (c == '=' && i + 2 < joined.length()) {
        bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
