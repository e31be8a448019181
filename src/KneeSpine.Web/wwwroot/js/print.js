// The only script: a Print button, shown only when scripts run (the browser's own print command works anyway).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

// Paper cannot open a <details>: print every folded section open, then fold back what the reader had closed.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("main details:not([open])").forEach(function (details) {
    details.setAttribute("data-opened-for-print", "");
    details.open = true;
  });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-opened-for-print]").forEach(function (details) {
    details.removeAttribute("data-opened-for-print");
    details.open = false;
  });
});
