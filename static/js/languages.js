// First-visit language suggestion. The page is the same for everyone (it may come
// from a cache), so the browser, not the server, compares the reader's languages
// with the page's. It only ever offers a link, in the suggested language; it never
// moves the reader by itself. Once the reader dismisses it or picks a language in
// the switcher, it is not offered again (remembered in this browser only).
(function () {
  "use strict";

  var KEY = "language-suggestion";
  var nav = document.querySelector(".language-switcher[data-offer]");
  if (!nav) return;
  var links = nav.querySelectorAll("a[lang]");

  function remember(value) {
    try { window.localStorage.setItem(KEY, value); } catch (error) { /* private mode */ }
  }

  links.forEach(function (link) {
    link.addEventListener("click", function () { remember("chosen"); });
  });

  var remembered;
  try { remembered = window.localStorage.getItem(KEY); } catch (error) { return; }
  if (remembered) return;

  // A browser language tag (fr-CA, zh-TW, pa-Guru-IN...) as one of the site's codes.
  function siteLanguage(tag) {
    tag = String(tag || "").toLowerCase();
    var base = tag.split("-")[0];
    if (base === "zh") {
      return /^zh-(hant|tw|hk|mo)\b/.test(tag) ? "zh-hant" : "zh-hans";
    }
    if (base === "pa") {
      // Punjabi in Shahmukhi (Pakistan) is not the Gurmukhi the site is written in.
      return /-(arab|pk)\b/.test(tag) ? null : "pa";
    }
    return base === "fr" || base === "en" ? base : null;
  }

  var wanted = null;
  var preferences = navigator.languages && navigator.languages.length
    ? navigator.languages : [navigator.language];
  for (var i = 0; i < preferences.length && !wanted; i++) {
    wanted = siteLanguage(preferences[i]);
  }
  var current = document.documentElement.lang.toLowerCase();
  if (!wanted || wanted === current) return;

  var target = null;
  links.forEach(function (link) {
    if (link.lang.toLowerCase() === wanted) target = link;
  });
  var header = document.querySelector("header");
  if (!target || !header) return;

  // The offer's words, in the wanted language (the same small file for everyone).
  var prefix = wanted === nav.getAttribute("data-default") ? "" : "/" + wanted;
  fetch(prefix + nav.getAttribute("data-offer"), { credentials: "omit" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (words) { if (words) offer(words); })
    .catch(function () { /* no offer: the switcher is still there */ });

  function offer(words) {
    var box = document.createElement("div");
    box.className = "language-suggestion border-bottom";
    box.lang = target.lang;
    box.setAttribute("data-language-suggestion", wanted);
    var inner = document.createElement("p");
    inner.className = "container d-flex flex-wrap align-items-center gap-2 py-2 mb-0";
    var go = document.createElement("a");
    go.href = target.getAttribute("href");
    go.hreflang = target.lang;
    go.textContent = words.offer;
    go.addEventListener("click", function () { remember("chosen"); });
    var dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "btn btn-sm btn-outline-dark";
    dismiss.textContent = words.dismiss;
    dismiss.addEventListener("click", function () {
      remember("dismissed");
      box.remove();
    });
    inner.append(go, dismiss);
    box.append(inner);
    header.prepend(box);
  }
})();
