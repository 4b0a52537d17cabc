// Help-center behaviour: title suggestions while typing, and the "was this helpful?" vote.
(function () {
  "use strict";

  // --- autocomplete: an ARIA combobox (WAI-ARIA 1.2: the input keeps the focus, the list is a listbox
  // and the active option is named by aria-activedescendant) ------------------------------------
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  var announce = document.getElementById("suggestions-status");
  var timer = null;
  var active = -1;

  function say(count) {
    if (!announce) return;
    announce.textContent = count === 0 ? "" : count === 1 ? announce.dataset.one
      : announce.dataset.many.replace("{n}", String(count));
  }

  function setActive(i) {
    var items = list.querySelectorAll("li");
    active = i;
    items.forEach(function (li, n) {
      li.classList.toggle("active", n === i);
      li.setAttribute("aria-selected", n === i ? "true" : "false");
    });
    if (i >= 0) input.setAttribute("aria-activedescendant", items[i].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function clearSuggestions() {
    list.innerHTML = "";
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
    say(0);
  }

  function showSuggestions(items) {
    list.innerHTML = "";
    items.forEach(function (s, n) {
      var li = document.createElement("li");
      li.id = "suggestion-" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.url = s.url;
      li.textContent = s.title;
      if (s.audience === "internal") {  // staff only: marked as such
        var badge = document.createElement("span");
        badge.className = "badge internal";
        badge.textContent = list.dataset.internal || "internal";
        li.appendChild(badge);
      }
      // mousedown, not click: the input's blur would close the list before a click lands.
      li.addEventListener("mousedown", function (e) { e.preventDefault(); window.location = s.url; });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    setActive(-1);
    say(items.length);
  }

  if (input && list) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < 2) { clearSuggestions(); return; }
      timer = setTimeout(function () {
        var url = "/api/v1/autocomplete?" + new URLSearchParams({q: text, locale: input.dataset.locale});
        fetch(url).then(function (r) { return r.ok ? r.json() : {suggestions: []}; })
          .then(function (body) { if (input.value.trim() === text) showSuggestions(body.suggestions); })
          .catch(clearSuggestions);
      }, 120);
    });
    input.addEventListener("keydown", function (e) {
      var items = list.querySelectorAll("li");
      if (!items.length || list.hidden) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((active + (e.key === "ArrowDown" ? 1 : items.length - 1 + (active < 0 ? 1 : 0))) % items.length);
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location = items[active].dataset.url;
      } else if (e.key === "Escape") {
        clearSuggestions();
      }
    });
    input.addEventListener("blur", function () { setTimeout(clearSuggestions, 200); });
  }

  // --- helpful vote --------------------------------------------------------------------------
  var vote = document.querySelector("section.vote");
  if (!vote) return;
  var status = vote.querySelector(".vote-status");
  var form = vote.querySelector("form.comment");

  function send(helpful, comment) {
    var body = {helpful: helpful, locale: document.body.dataset.lang};
    if (comment) body.comment = comment;
    if (vote.dataset.searchId) body.search_id = parseInt(vote.dataset.searchId, 10);
    var url = "/api/v1/articles/" + vote.dataset.articleId.split("/").map(encodeURIComponent).join("/") + "/feedback";
    var headers = {"Content-Type": "application/json"};
    var csrf = document.querySelector('meta[name="csrf-token"]');  // signed-in staff: their vote is staff's
    if (csrf) headers["X-CSRF-Token"] = csrf.content;
    fetch(url, {method: "POST", headers: headers, body: JSON.stringify(body), credentials: "same-origin"})
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        vote.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
        form.hidden = true;
        status.textContent = vote.dataset.thanks;
        vote.classList.add("done");
      })
      .catch(function () { status.textContent = vote.dataset.failed; });
  }

  vote.querySelector(".vote-yes").addEventListener("click", function () { send(true); });
  // "No" asks what was missing first; the vote is recorded when the visitor sends (the comment is optional).
  vote.querySelector(".vote-no").addEventListener("click", function () {
    form.hidden = false;
    form.querySelector("textarea").focus();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    send(false, form.querySelector("textarea").value.trim());
  });
})();
