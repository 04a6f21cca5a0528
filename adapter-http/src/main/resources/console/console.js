// The console's only script (served from this origin; the Content-Security-Policy forbids inline script).
// Progressive enhancement: every page works without it; with it, list and table inputs gain add/remove
// row buttons and destructive forms ask for confirmation.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLElement)) { return; }
    if (target.matches("[data-add-row]")) {
      var name = target.getAttribute("data-add-row");
      var template = document.querySelector('template[data-row-template="' + name + '"]');
      var rows = document.querySelector('[data-rows="' + name + '"]');
      if (template && rows) {
        var row = template.content.firstElementChild.cloneNode(true);
        rows.appendChild(row);
        var input = row.querySelector("input");
        if (input) { input.focus(); }
      }
    } else if (target.matches(".remove-row")) {
      var current = target.closest(".row");
      var container = current && current.parentElement;
      if (current && container) {
        if (container.querySelectorAll(".row").length > 1) {
          current.remove();
        } else {
          current.querySelectorAll("input").forEach(function (i) { i.value = ""; });
        }
      }
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-confirm")) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    }
  });
})();
