package org.haven.it;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.haven.cases.rest.CasesResource;

/**
 * Haven's REST methods as its code declares them, for the tests that must cover every one (the
 * access table, the OpenAPI document).
 */
public final class RestEndpoints {

  private RestEndpoints() {}

  /** "GET /cases/{caseNumber}" for each resource method in the web module's classes. */
  public static List<String> methods() throws Exception {
    List<String> found = new ArrayList<>();
    String jar =
        CasesResource.class.getProtectionDomain().getCodeSource().getLocation().toURI().getPath();
    try (JarFile classes = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = classes.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        String bytes =
            new String(classes.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!bytes.contains("jakarta/ws/rs/Path")) {
          continue;
        }
        String name = entry.getName().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, RestEndpoints.class.getClassLoader());
        Path root = type.getAnnotation(Path.class);
        if (root == null) {
          continue;
        }
        for (Method m : type.getDeclaredMethods()) {
          String verb = verb(m);
          if (verb != null) {
            Path sub = m.getAnnotation(Path.class);
            found.add(
                (verb + " /" + root.value() + (sub == null ? "" : "/" + sub.value()))
                    .replace("//", "/"));
          }
        }
      }
    }
    return found;
  }

  private static String verb(Method m) {
    for (Class<? extends java.lang.annotation.Annotation> verb :
        List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class)) {
      if (m.isAnnotationPresent(verb)) {
        return verb.getSimpleName();
      }
    }
    return null;
  }
}
