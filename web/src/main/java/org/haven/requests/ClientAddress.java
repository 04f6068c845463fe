package org.haven.requests;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who a request really comes from, and whether it reached Haven over HTTPS, when Haven sits behind
 * the TLS proxy the deployment guide asks for. {@code X-Forwarded-For} and {@code
 * X-Forwarded-Proto} are believed only when the connection comes from one of the addresses or
 * networks in {@code HAVEN_TRUSTED_PROXIES} (comma-separated, {@code 10.0.0.0/8} or {@code
 * 192.0.2.7}); anyone else could write those headers to hide in the audit trail. Without the
 * setting, the connection's own address is the client's.
 */
@ApplicationScoped
public class ClientAddress {

  @Inject
  @ConfigProperty(name = "haven.trusted.proxies")
  Optional<String> trustedProxies;

  private List<Network> trusted = List.of();

  @PostConstruct
  void parse() {
    trusted = parse(trustedProxies.orElse(""));
  }

  static List<Network> parse(String setting) {
    List<Network> networks = new ArrayList<>();
    for (String entry : setting.split(",")) {
      String text = entry.trim();
      if (!text.isEmpty()) {
        networks.add(Network.of(text));
      }
    }
    return List.copyOf(networks);
  }

  /** The client's address: the connection's, or the first one before a trusted proxy. */
  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (!isTrusted(remote)) {
      return remote;
    }
    // Every X-Forwarded-For line, in order: a proxy may add a line of its own after the client's.
    String forwarded = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
    if (forwarded.isBlank()) {
      return remote;
    }
    String[] hops = forwarded.split(",");
    // From the right: each proxy appends the address it saw; the first untrusted one is the client.
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!isLiteralAddress(hop)) {
        return remote; // not an address: a forged or broken header, so believe the connection
      }
      if (i == 0 || !isTrusted(hop)) {
        return hop;
      }
    }
    return remote;
  }

  /** Whether the request reached the first hop over HTTPS. */
  public boolean overHttps(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    return isTrusted(request.getRemoteAddr())
        && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).trim());
  }

  boolean isTrusted(String address) {
    if (trusted.isEmpty() || !isLiteralAddress(address)) {
      return false;
    }
    byte[] bytes = bytesOf(address);
    for (Network network : trusted) {
      if (network.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /**
   * A dotted-quad IPv4 address, or hex digits and colons (IPv6, perhaps with an IPv4 tail): never a
   * host name such as {@code dead.cafe}, which would mean a DNS lookup and a name in the trail.
   */
  static boolean isLiteralAddress(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return false;
    }
    Matcher v4 = IPV4.matcher(text);
    if (v4.matches()) {
      for (int g = 1; g <= 4; g++) {
        if (Integer.parseInt(v4.group(g)) > 255) {
          return false;
        }
      }
      return true;
    }
    if (text.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == ':';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytesOf(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      return new byte[0];
    }
  }

  record Network(byte[] address, int prefix) {
    static Network of(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      if (!isLiteralAddress(host)) {
        throw new IllegalArgumentException(
            "HAVEN_TRUSTED_PROXIES: '" + text + "' is not an IP address or network");
      }
      byte[] address = bytesOf(host);
      int bits = address.length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1).trim());
      if (address.length == 0 || prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "HAVEN_TRUSTED_PROXIES: '" + text + "' is not an IP address or network");
      }
      return new Network(address, prefix);
    }

    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      int shift = address.length * 8 - prefix;
      return new BigInteger(1, candidate)
          .shiftRight(shift)
          .equals(new BigInteger(1, address).shiftRight(shift));
    }
  }
}
