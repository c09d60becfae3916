// Tells the server the browser's time zone, so event times can be shown in the viewer's zone
// when their profile does not name one. Pages work the same without it.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    var value = encodeURIComponent(zone);
    if (document.cookie.split("; ").indexOf("tz=" + value) !== -1) return;
    document.cookie = "tz=" + value + "; path=/; max-age=31536000; SameSite=Lax";
  } catch (error) {
    // An old browser without Intl: times stay in each event's own zone.
  }
})();
