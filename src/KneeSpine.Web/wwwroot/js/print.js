// The only script: a Print button, shown only when scripts run (the browser's own print command works anyway).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
