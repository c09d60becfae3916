// Shows an event's time in the browser's own time zone, next to the event's zone that the page states.
// The server writes the same HTML for every visitor (so a shared cache can keep it): each element marked
// data-local-time carries the instants (data-start, and data-end for a range, in ISO 8601), the event's zone
// (data-zone) and the translated label with "{zone}" where the zone's name goes (data-label). It is hidden, and
// shown here only when the browser is in another zone. Nothing is stored: no cookie. Without JavaScript, or in
// the event's zone, the event's own time is all there is to read.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  // A zone's name as this browser spells it: Asia/Calcutta and Asia/Kolkata are one zone.
  function canonical(zone) {
    try {
      return Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
    } catch (error) {
      return zone; // a name this browser does not know
    }
  }

  function sameZone(zone, other) {
    return zone === other || canonical(zone) === canonical(other);
  }

  function timeElement(format, instant, iso) {
    var element = document.createElement("time");
    element.setAttribute("datetime", iso);
    element.textContent = format.format(instant);
    return element;
  }

  function fill(element, format, zone) {
    var start = new Date(element.getAttribute("data-start"));
    var endText = element.getAttribute("data-end");
    var end = endText ? new Date(endText) : null;
    var label = element.querySelector("[data-local-time-label]");
    var value = element.querySelector("[data-local-time-value]");
    if (isNaN(start.getTime()) || (end && isNaN(end.getTime())) || !label || !value) return;
    if (sameZone(element.getAttribute("data-zone"), zone)) return;
    label.textContent = (element.getAttribute("data-label") || "").split("{zone}").join(zone);
    value.textContent = "";
    value.appendChild(timeElement(format, start, element.getAttribute("data-start")));
    if (end) {
      value.appendChild(document.createTextNode(" – "));
      value.appendChild(timeElement(format, end, endText));
    }
    element.hidden = false;
  }

  function run() {
    var elements = document.querySelectorAll("[data-local-time]");
    var zone = browserZone();
    if (!elements.length || !zone) return;
    var format;
    try {
      // No timeZone option: the browser's own zone.
      format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        dateStyle: "medium",
        timeStyle: "short",
      });
    } catch (error) {
      return; // an old browser: the event's own time stays the only one shown
    }
    for (var i = 0; i < elements.length; i++) {
      fill(elements[i], format, zone);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
