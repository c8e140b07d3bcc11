/* The compact menu on a phone (issue #11, point 9): below 40rem the main menu folds behind
   the « Menu » button. Without this script the button stays hidden and the menu open.
   No inline script: loaded from static/ under the CSP "script-src 'self'". */
(function () {
  "use strict";
  var bouton = document.querySelector(".bouton-menu");
  var menu = document.getElementById("menu-principal");
  if (!bouton || !menu) { return; }
  var entete = bouton.closest(".entete");
  entete.classList.add("menu-repliable");
  bouton.hidden = false;
  bouton.addEventListener("click", function () {
    var ouvert = bouton.getAttribute("aria-expanded") === "true";
    bouton.setAttribute("aria-expanded", ouvert ? "false" : "true");
    entete.classList.toggle("menu-ouvert", !ouvert);
    if (!ouvert) {
      var premier = menu.querySelector("a");
      if (premier) { premier.focus(); }
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && entete.classList.contains("menu-ouvert")) {
      bouton.setAttribute("aria-expanded", "false");
      entete.classList.remove("menu-ouvert");
      bouton.focus();
    }
  });
})();
