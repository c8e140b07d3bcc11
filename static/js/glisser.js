/* Reorder a table's rows by drag and drop (issue #12, point 3: the progression pédagogique).
   A <tbody data-glisser="FORM_ID"> lists rows with data-id; the form FORM_ID (method post) gets
   one hidden input per row, in the new order, and is submitted: the server records the order.
   The « Monter » / « Descendre » buttons of each row stay, for the keyboard and without this
   script. No inline script: loaded from static/ under the CSP "script-src 'self'". */
(function () {
  "use strict";
  var tire = null;

  function corps(el) { return el && el.closest ? el.closest("tbody[data-glisser]") : null; }

  function preparer(racine) {
    (racine || document).querySelectorAll("tbody[data-glisser] > tr[data-id]").forEach(function (tr) {
      tr.setAttribute("draggable", "true");
      tr.classList.add("glissable");
    });
  }

  document.addEventListener("dragstart", function (e) {
    var tr = e.target.closest && e.target.closest("tbody[data-glisser] > tr[data-id]");
    if (!tr) { return; }
    tire = tr;
    tr.classList.add("en-deplacement");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", tr.getAttribute("data-id"));
  });

  document.addEventListener("dragover", function (e) {
    if (!tire) { return; }
    var tr = e.target.closest && e.target.closest("tr[data-id]");
    if (!tr || tr === tire || corps(tr) !== corps(tire)) { return; }
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
  });

  document.addEventListener("drop", function (e) {
    if (!tire) { return; }
    var tr = e.target.closest && e.target.closest("tr[data-id]");
    var tbody = corps(tire);
    if (!tr || tr === tire || corps(tr) !== tbody) { return; }
    e.preventDefault();
    var lignes = Array.prototype.slice.call(tbody.querySelectorAll(":scope > tr[data-id]"));
    if (lignes.indexOf(tire) < lignes.indexOf(tr)) { tr.after(tire); } else { tr.before(tire); }
    var form = document.getElementById(tbody.getAttribute("data-glisser"));
    if (!form) { return; }
    form.querySelectorAll("input[name=sequence]").forEach(function (i) { i.remove(); });
    tbody.querySelectorAll(":scope > tr[data-id]").forEach(function (ligne) {
      var champ = document.createElement("input");
      champ.type = "hidden";
      champ.name = "sequence";
      champ.value = ligne.getAttribute("data-id");
      form.appendChild(champ);
    });
    form.requestSubmit();
  });

  document.addEventListener("dragend", function () {
    if (tire) { tire.classList.remove("en-deplacement"); }
    tire = null;
  });

  preparer(document);
  document.addEventListener("htmx:load", function (e) { preparer(e.target); });
})();
