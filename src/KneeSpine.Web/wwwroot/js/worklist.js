// The care team's email links to /worklist#item-{id}. When that item is not on this page (acknowledged since, or on a
// later page), ask the server for it by id; it is then shown first. Without scripts the list still works.
(function () {
  var match = /^#item-([0-9a-f-]{36})$/i.exec(window.location.hash);
  if (!match || document.getElementById("item-" + match[1])) {
    return;
  }
  var params = new URLSearchParams(window.location.search);
  if (params.has("item")) {
    return;
  }
  params.set("item", match[1]);
  window.location.replace("/worklist?" + params.toString() + window.location.hash);
})();
