// A filter box over a long, region-grouped <select> of organisations (the sign-up form, "My hub"): typing narrows
// the options to those whose name, city, native name or other name contains what was typed, in any case and with or
// without accents ("seoul", "SEOUL", "서울", "sao paulo"). Progressive enhancement: without this script the grouped
// <select> works as it is. The words come from the <select>'s data-filter-* attributes, translated by the server.
(function () {
    "use strict";

    function normalise(text) {
        return (text || "")
            .normalize("NFKD")
            .replace(/\p{M}/gu, "")
            .normalize("NFC")
            .toLocaleLowerCase()
            .replace(/\s+/g, " ")
            .trim();
    }

    function enhance(select) {
        var groups = Array.prototype.map.call(select.querySelectorAll("optgroup"), function (group) {
            return {
                group: group,
                options: Array.prototype.slice.call(group.querySelectorAll("option")).map(function (option) {
                    return { option: option, text: normalise((option.dataset.search || "") + " " + option.textContent) };
                }),
            };
        });
        if (!groups.length) {
            return;
        }
        var wrapper = document.createElement("div");
        wrapper.className = "option-filter";
        var input = document.createElement("input");
        input.type = "search";
        input.id = select.id + "-filter";
        input.autocomplete = "off";
        input.setAttribute("aria-controls", select.id);
        var label = document.createElement("label");
        label.htmlFor = input.id;
        label.textContent = select.dataset.filterLabel;
        var status = document.createElement("p");
        status.className = "option-filter-status";
        status.id = select.id + "-filter-status";
        status.setAttribute("aria-live", "polite");
        input.setAttribute("aria-describedby", status.id);
        wrapper.append(label, input, status);
        select.parentNode.insertBefore(wrapper, select);

        function apply() {
            var query = normalise(input.value);
            var count = 0;
            var first = null;
            groups.forEach(function (item) {
                var found = item.options.filter(function (entry) {
                    return !query || entry.text.indexOf(query) !== -1;
                });
                // The chosen city stays in the list whatever is typed: narrowing never changes the answer.
                var matches = item.options.filter(function (entry) {
                    return entry.option.selected || found.indexOf(entry) !== -1;
                });
                item.group.replaceChildren.apply(
                    item.group,
                    matches.map(function (entry) {
                        return entry.option;
                    })
                );
                if (matches.length) {
                    select.appendChild(item.group); // re-appended in their order: regions stay sorted
                } else {
                    item.group.remove();
                }
                first = first || (found.length ? found[0].option : null);
                count += found.length;
            });
            if (!query) {
                status.textContent = "";
            } else if (count === 0) {
                status.textContent = select.dataset.filterNone;
            } else {
                status.textContent = select.dataset.filterCount.replace("{count}", String(count));
            }
            if (query && count === 1 && !select.value) {
                first.selected = true; // one city left: it is chosen (the person sees it and can change it)
            }
        }

        input.addEventListener("input", apply);
        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter") {
                event.preventDefault(); // Enter in the filter box moves to the list instead of sending the form
                select.focus();
            }
        });
    }

    function start() {
        document.querySelectorAll("select[data-filter-label]").forEach(enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
