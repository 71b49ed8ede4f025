// Small enhancements; every page works without them.
(function () {
  "use strict";

  // Menu button for narrow screens.
  document.querySelectorAll("[data-menu-toggle]").forEach(function (button) {
    var menu = document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) return;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      menu.classList.toggle("show", !open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        button.setAttribute("aria-expanded", "false");
        menu.classList.remove("show");
        button.focus();
      }
    });
  });

  // "Copy link" buttons: shown only where the browser can copy.
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    if (!navigator.clipboard) return;
    var status = document.getElementById(button.getAttribute("data-status"));
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
        function () { if (status) status.textContent = button.getAttribute("data-copied") || "Link copied."; },
        function () { if (status) status.textContent = button.getAttribute("data-copy-failed") || "Could not copy. Copy the address from your browser instead."; }
      );
    });
  });

  // "Print this page" buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // The comment form sits on pages every visitor shares, so it arrives without
  // its signed form token. It asks for one when the patient starts writing (the
  // minimum time to fill in the form counts from then). If that fails, the form
  // is sent without it and the site shows it again, text kept, to send again.
  document.querySelectorAll("form[data-form-token-url]").forEach(function (form) {
    var field = form.querySelector("input[name=form_token]");
    if (!field) return;
    var pending = null;
    function fetchToken() {
      if (!pending) {
        pending = fetch(form.getAttribute("data-form-token-url"), {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
          .then(function (response) { return response.ok ? response.json() : {}; })
          .then(function (data) {
            if (data.form_token) field.value = data.form_token;
            // A signed-in patient's name and e-mail, where they typed nothing yet,
            // and a way to sign out instead of the offer to sign in.
            ["name", "email"].forEach(function (name) {
              var input = form.querySelector("input[name=" + name + "]");
              if (input && !input.value && data[name]) input.value = data[name];
            });
            var offer = document.querySelector("[data-sign-in-offer]");
            if (offer && data.name) {
              var signOut = document.createElement("a");
              signOut.href = offer.getAttribute("data-sign-out-url");
              signOut.textContent = "Sign out";
              offer.textContent = "You are signed in as " + data.name + ". ";
              offer.append(signOut);
            }
          })
          .catch(function () {});
      }
      return pending;
    }
    form.addEventListener("focusin", fetchToken, { once: true });
    form.addEventListener("submit", function (event) {
      if (field.value || form.dataset.tokenAsked) return;
      event.preventDefault();
      form.dataset.tokenAsked = "1";
      fetchToken().then(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
  });
})();
