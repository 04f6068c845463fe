package org.haven.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart}: one look for every chart of the pages
 * (whole numbers on the axis, a legend only where colours mean something).
 */
public final class Charts {

  private Charts() {}

  /** A chart of {@code type} (bar, doughnut) with one data set: names, counts, colours. */
  public static String chart(
      String type,
      JsonArrayBuilder names,
      JsonArrayBuilder counts,
      JsonArrayBuilder colours,
      String label) {

    var options =
        Json.createObjectBuilder()
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add(
                        "legend",
                        Json.createObjectBuilder().add("display", "doughnut".equals(type))));
    if ("bar".equals(type)) {
      options.add(
          "scales",
          Json.createObjectBuilder()
              .add(
                  "y",
                  Json.createObjectBuilder()
                      .add("beginAtZero", true)
                      .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", names)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", label)
                                .add("data", counts)
                                .add("backgroundColor", colours))))
        .add("options", options)
        .build()
        .toString();
  }
}
