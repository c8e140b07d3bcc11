/* Session expiry (issue #10, point 10): warn before the idle limit, and keep the
   session alive while the person types in a form (at most one request a minute).
   No inline script: loaded from static/ under the CSP "script-src 'self'". */
(function () {
  "use strict";
  var corps = document.body;
  var inactivite = parseInt(corps.getAttribute("data-inactivite") || "0", 10);
  var url = corps.getAttribute("data-maintien");
  var zone = document.getElementById("avertissement-session");
  if (!inactivite || !url || !zone) { return; }
  var texte = zone.querySelector("[data-texte]");
  var actions = zone.querySelector("[data-actions]");
  var bouton = document.getElementById("rester-connecte");
  var PREAVIS = Math.min(5 * 60, Math.floor(inactivite / 3)); // seconds of warning
  var INTERVALLE = 60 * 1000; // one keep-alive a minute at most
  var jeton = "";
  try { jeton = JSON.parse(corps.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; } catch (e) { jeton = ""; }
  var expireA = 0, minuterie = null, dernierMaintien = Date.now(), etat = "calme", dernierChamp = null;

  function heure(ms) {
    var d = new Date(ms);
    return d.getHours() + " h " + ("0" + d.getMinutes()).slice(-2);
  }
  function calmer() {
    etat = "calme";
    texte.textContent = "";
    actions.hidden = true;
    zone.classList.remove("visible");
  }
  function avertir() {
    if (etat === "averti") { return; }
    etat = "averti";
    texte.textContent = "Sans activité, votre session se terminera vers " + heure(expireA) +
      ". Ce que vous avez tapé n'est pas perdu, mais vous devrez vous reconnecter.";
    actions.hidden = false;
    zone.classList.add("visible");
  }
  function expirer() {
    if (etat === "expire") { return; }
    etat = "expire";
    texte.textContent = "Votre session a expiré. En enregistrant, ce que vous avez tapé sera gardé : " +
      "reconnectez-vous ensuite et le formulaire reviendra rempli.";
    actions.hidden = true;
    zone.classList.add("visible");
  }
  function verifier() {
    clearTimeout(minuterie);
    var reste = (expireA - Date.now()) / 1000;
    if (reste <= 0) { expirer(); return; }
    if (reste <= PREAVIS) { avertir(); minuterie = setTimeout(verifier, reste * 1000); return; }
    minuterie = setTimeout(verifier, (reste - PREAVIS) * 1000);
  }
  function planifier(secondes) {
    expireA = Date.now() + secondes * 1000;
    if (etat !== "calme") { calmer(); }
    verifier();
  }
  function maintenir() {
    dernierMaintien = Date.now();
    return fetch(url, { method: "POST", credentials: "same-origin", redirect: "manual",
                        headers: { "X-CSRFToken": jeton } })
      .then(function (r) {
        if (r.status === 204) {
          var reste = parseInt(r.headers.get("X-Session-Restante") || "", 10);
          planifier(isNaN(reste) ? inactivite : reste);
          return true;
        }
        expirer();
        return false;
      })
      .catch(function () { return false; });
  }

  document.addEventListener("input", function (e) {
    var cible = e.target;
    if (!cible || !cible.closest || !cible.closest("form")) { return; }
    dernierChamp = cible;
    if (etat !== "expire" && Date.now() - dernierMaintien >= INTERVALLE) { maintenir(); }
  });
  bouton.addEventListener("click", function () {
    maintenir().then(function (ok) {
      if (ok && dernierChamp && document.contains(dernierChamp)) { dernierChamp.focus(); }
    });
  });
  // Any request to the server (htmx) also counts as activity on the server side.
  corps.addEventListener("htmx:afterRequest", function () { dernierMaintien = Date.now(); planifier(inactivite); });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { verifier(); } });
  planifier(inactivite);
}());
