package org.haven.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  static ClientAddress trusting(String setting) {
    ClientAddress address = new ClientAddress();
    address.trustedProxies = Optional.ofNullable(setting);
    address.parse();
    return address;
  }

  /** A request from this address with these headers; nothing else of it is asked. */
  static HttpServletRequest request(String remote, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientAddressTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> remote;
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getHeaders" ->
                      java.util.Collections.enumeration(
                          headers.containsKey((String) args[0])
                              ? java.util.List.of(headers.get((String) args[0]).split("\\|"))
                              : java.util.List.<String>of());
                  case "isSecure" -> false;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void withoutTrustedProxiesTheHeadersAreIgnored() {
    ClientAddress address = trusting(null);
    HttpServletRequest forged =
        request(
            "203.0.113.9", Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"));
    assertEquals("203.0.113.9", address.of(forged));
    assertFalse(address.overHttps(forged));
  }

  @Test
  void aTrustedProxyNamesTheClient() {
    ClientAddress address = trusting("10.0.0.0/8, 192.0.2.7");
    assertEquals(
        "198.51.100.1", address.of(request("10.1.2.3", Map.of("X-Forwarded-For", "198.51.100.1"))));
    assertEquals(
        "198.51.100.1",
        address.of(request("192.0.2.7", Map.of("X-Forwarded-For", "198.51.100.1"))));
    assertTrue(address.overHttps(request("10.1.2.3", Map.of("X-Forwarded-Proto", "https"))));
  }

  @Test
  void anAddressTheClientPutInFrontOfItsOwnIsNotBelieved() {
    ClientAddress address = trusting("10.0.0.0/8");
    // The client wrote "192.0.2.1" itself; the proxy appended the address it saw.
    assertEquals(
        "198.51.100.1",
        address.of(request("10.0.0.1", Map.of("X-Forwarded-For", "192.0.2.1, 198.51.100.1"))));
    // Through two trusted proxies, the first untrusted hop from the right is the client.
    assertEquals(
        "198.51.100.1",
        address.of(
            request("10.0.0.1", Map.of("X-Forwarded-For", "192.0.2.1, 198.51.100.1, 10.0.0.2"))));
  }

  @Test
  void anUntrustedConnectionIsItsOwnClient() {
    ClientAddress address = trusting("10.0.0.0/8");
    assertEquals(
        "11.0.0.1", address.of(request("11.0.0.1", Map.of("X-Forwarded-For", "198.51.100.1"))));
    assertFalse(address.overHttps(request("11.0.0.1", Map.of("X-Forwarded-Proto", "https"))));
  }

  @Test
  void aHeaderThatIsNoAddressIsIgnored() {
    ClientAddress address = trusting("127.0.0.1,::1");
    assertEquals(
        "127.0.0.1",
        address.of(request("127.0.0.1", Map.of("X-Forwarded-For", "evil.example.org"))));
    assertEquals(
        "127.0.0.1", address.of(request("127.0.0.1", Map.of("X-Forwarded-For", "1.2.3.4 evil"))));
    assertEquals(
        "2001:db8::1",
        address.of(request("0:0:0:0:0:0:0:1", Map.of("X-Forwarded-For", "2001:db8::1"))));
  }

  @Test
  void aHostNameMadeOfHexLettersIsNoAddress() {
    ClientAddress address = trusting("127.0.0.1");
    assertEquals(
        "127.0.0.1", address.of(request("127.0.0.1", Map.of("X-Forwarded-For", "dead.cafe"))));
    assertEquals(
        "127.0.0.1", address.of(request("127.0.0.1", Map.of("X-Forwarded-For", "1.2.3.400"))));
  }

  @Test
  void aSecondHeaderLineOfTheProxyCounts() {
    // The client sent its own line; the proxy added another (the "|" separates the two lines).
    ClientAddress address = trusting("10.0.0.0/8");
    assertEquals(
        "198.51.100.1",
        address.of(request("10.0.0.1", Map.of("X-Forwarded-For", "192.0.2.1|198.51.100.1"))));
  }

  @Test
  void aWrongSettingIsRefusedWithItsValue() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    assertTrue(refused.getMessage().contains("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> trusting("proxy.example.org"));
  }
}
