/*
 * Dark mode follows the system setting. Loaded in <head> before the page is drawn (no flash
 * of the light theme): Bootstrap's colour modes key off <html data-bs-theme>, and portal.css
 * redefines the portal's colours for it. Without JavaScript the page stays light.
 */
(function () {
  "use strict";
  var dark = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.documentElement.setAttribute("data-bs-theme", dark.matches ? "dark" : "light");
  }
  apply();
  dark.addEventListener("change", apply);
})();
