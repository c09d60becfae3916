// Suggestions for the header search box, as the visitor types: page titles in the input's <datalist>.
// Progressive enhancement only: without this script the box still submits to /search/.
(function () {
  var input = document.getElementById("header-search-q");
  var list = document.getElementById("header-search-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) return;
    timer = setTimeout(function () {
      latest = query;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (query !== latest) return; // an older answer arriving late
          list.replaceChildren.apply(list, data.suggestions.map(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
