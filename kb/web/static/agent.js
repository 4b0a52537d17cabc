// Agent console: sign in with an agent token (kept in this tab's sessionStorage), paste a ticket,
// see suggestions with their section, confidence and reasons, and mark each used or not relevant.
(function () {
  "use strict";

  var t = JSON.parse(document.getElementById("agent-text").textContent);
  var KEY = "kb_agent_token";
  var $ = function (id) { return document.getElementById(id); };

  var api = kbStaff.client(KEY);  // the session when signed in to the pages, else this tab's token
  var el = kbStaff.el;
  var sessionRole = kbStaff.sessionRole;

  function showConsole(role) {
    $("signin").hidden = true;
    $("console").hidden = false;
    $("role").textContent = role;
  }

  function signIn(token) {
    sessionStorage.setItem(KEY, token);
    return api("GET", "/api/v1/me").then(function (r) {
      if (r.status === 200 && r.data.staff) {
        showConsole(r.data.role);
        return true;
      }
      sessionStorage.removeItem(KEY);
      $("signin-error").hidden = false;
      return false;
    });
  }


  function feedbackButton(label, outcome, suggestionId, articleId, row) {
    var button = el("button", "outcome outcome-" + outcome, label);
    button.type = "button";
    button.addEventListener("click", function () {
      api("POST", "/api/v1/suggestions/" + encodeURIComponent(suggestionId) + "/feedback",
          { article_id: articleId, outcome: outcome }).then(function (r) {
        if (r.status === 201) {
          row.querySelectorAll("button.outcome").forEach(function (b) { b.disabled = true; });
          row.querySelector(".marked").textContent = t.agent_marked + ": " + label;
        }
      });
    });
    return button;
  }

  function render(data) {
    var list = $("agent-suggestions");
    list.innerHTML = "";
    $("gap").hidden = !data.gap || data.suggestions.length === 0;
    $("none").hidden = data.suggestions.length > 0;
    data.suggestions.forEach(function (s) {
      var row = el("li", "hit suggestion");
      row.dataset.articleId = s.id;
      var title = el("a", "title", s.title);
      title.href = s.url;
      title.target = "_blank";
      row.appendChild(title);
      if (s.audience === "internal") {
        var badge = el("span", "badge internal", t.internal);
        badge.title = t.internal_help;
        row.appendChild(badge);
      }
      if (s.section.anchor) row.appendChild(el("span", "section", "› " + s.section.heading));
      var percent = new Intl.NumberFormat(document.documentElement.lang || "es", { style: "percent" });
      row.appendChild(el("span", "confidence", t.agent_confidence + " " + percent.format(s.confidence)));
      var snippet = el("p", "snippet");
      snippet.innerHTML = s.snippet; // kb's highlighter: escaped text with <mark>
      row.appendChild(snippet);
      var reasons = el("ul", "reasons");
      s.reasons.forEach(function (reason) { reasons.appendChild(el("li", "reason-" + reason.code, reason.detail)); });
      row.appendChild(reasons);
      row.appendChild(feedbackButton(t.agent_used, "used", data.suggestion_id, s.id, row));
      row.appendChild(feedbackButton(t.agent_not_relevant, "not_relevant", data.suggestion_id, s.id, row));
      row.appendChild(el("span", "marked meta"));
      list.appendChild(row);
    });
  }

  $("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("signin-error").hidden = true;
    signIn($("token").value.trim());
    $("token").value = "";
  });

  $("signout").addEventListener("click", function (event) {
    event.preventDefault();
    sessionStorage.removeItem(KEY);
    $("console").hidden = true;
    $("signin").hidden = false;
  });

  $("ticket-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("failed").hidden = true;
    api("POST", "/api/v1/suggest", { subject: $("subject").value, body: $("body").value, limit: 5 })
      .then(function (r) {
        if (r.status === 200) render(r.data);
        else if (r.status === 401) $("signout").click();
        else { $("failed").textContent = r.data.error ? r.data.error.message : t.agent_failed; $("failed").hidden = false; }
      })
      .catch(function () { $("failed").hidden = false; });
  });

  if (sessionRole || sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY) || "");
})();
