// Owners' pages: sign in with an owner's token (kept in this tab's sessionStorage); the review queue
// (/owners: filter, mark reviewed, snooze) and the analytics dashboard (/owners/analytics: SVG charts).
(function () {
  "use strict";

  var t = JSON.parse(document.getElementById("owners-text").textContent);
  var KEY = "kb_owner_token";
  var SVG = "http://www.w3.org/2000/svg";
  var $ = function (id) { return document.getElementById(id); };
  var onQueue = !!$("queue");
  var latest = 0;  // only the answer to the latest request is shown (an earlier one may arrive later)

  var api = kbStaff.client(KEY);  // the session when signed in to the pages, else this tab's token
  var el = kbStaff.el;
  var sessionRole = kbStaff.sessionRole;


  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  // Numbers, percentages, dates and plurals as the interface's language writes them (CLDR, via Intl).
  var lang = document.documentElement.lang || "es";
  var numbers = new Intl.NumberFormat(lang);
  var percents = new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var dates = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  var plurals = new Intl.PluralRules(lang);
  function count(key, n) {
    var forms = t[key];
    return (forms[plurals.select(n)] || forms.other).replace("{n}", numbers.format(n));
  }
  function day(iso) { return dates.format(new Date(iso)); }

  function commentList(items, withArticle) {
    var list = el("ul", "comments plain");
    items.forEach(function (c) {
      var item = el("li", "comment " + (c.helpful ? "yes" : "no"));
      item.appendChild(el("q", "", c.comment));
      var meta = day(c.at) + " · " + (c.helpful ? t.vote_yes_short : t.vote_no_short);
      if (withArticle) {
        item.appendChild(el("span", "meta", " — " + meta + " · "));
        var link = el("a", "", c.article_id);
        link.href = "/articles/" + c.article_id;
        item.appendChild(link);
      } else {
        item.appendChild(el("span", "meta", " — " + meta));
      }
      list.appendChild(item);
    });
    return list;
  }

  function signIn(token) {
    sessionStorage.setItem(KEY, token);
    return api("GET", "/api/v1/me").then(function (r) {
      if (r.status === 200 && (r.data.role === "owner" || r.data.role === "admin")) {
        $("signin").hidden = true;
        $("console").hidden = false;
        $("role").textContent = r.data.role;
        return onQueue ? loadQueue() : loadAnalytics();
      }
      sessionStorage.removeItem(KEY);
      $("signin-error").hidden = false;
    });
  }

  // -- the review queue ----------------------------------------------------------------------------

  function actionButton(label, className, articleId, body, row) {
    var button = el("button", className, label);
    button.type = "button";
    button.addEventListener("click", function () {
      api("POST", "/api/v1/review/" + articleId.split("/").map(encodeURIComponent).join("/"), body).then(function (r) {
        if (r.status === 201) {
          row.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
          row.querySelector(".marked").textContent = t.owners_done + ": " + label;
        }
      });
    });
    return button;
  }

  function renderQueue(data) {
    var list = $("queue");
    list.innerHTML = "";
    $("empty").hidden = data.articles.length > 0;
    data.articles.forEach(function (a) {
      var row = el("li", "hit flagged");
      row.dataset.id = a.id;
      var link = el("a", "title", a.title);
      link.href = "/articles/" + a.id;
      row.appendChild(link);
      row.appendChild(el("span", "score", t.owners_score + " " + numbers.format(a.score)));
      row.appendChild(el("div", "meta", a.id + " · " + (a.owner || "—") + " · " + a.locale));
      var reasons = el("ul", "reasons");
      a.reasons.forEach(function (r) {
        var item = el("li");
        item.appendChild(el("code", "", r.code));
        item.appendChild(document.createTextNode(" " + r.detail));
        reasons.appendChild(item);
      });
      row.appendChild(reasons);
      if (a.comments && a.comments.length) {
        row.appendChild(el("p", "meta", t.owners_comments + ":"));
        row.appendChild(commentList(a.comments, false));
      }
      row.appendChild(actionButton(t.owners_reviewed, "reviewed", a.id, { action: "reviewed" }, row));
      row.appendChild(actionButton(t.owners_snooze, "snooze", a.id, { action: "snooze", days: 14 }, row));
      row.appendChild(el("span", "marked meta"));
      list.appendChild(row);
    });
    var gaps = $("gaps");
    gaps.innerHTML = "";
    data.gaps.forEach(function (g) {
      var item = el("li", "gap", fill(t.owners_gap_line, {
        searches: count("searches_n", g.searches), tickets: count("tickets_n", g.tickets), topic: g.topic
      }));
      item.appendChild(el("div", "meta", g.examples.join(" · ")));
      gaps.appendChild(item);
    });
  }

  function loadQueue() {
    var params = new URLSearchParams({ lang: document.body.dataset.lang });
    ["owner", "reason", "locale"].forEach(function (k) { if ($(k).value) params.set(k, $(k).value); });
    $("failed").hidden = true;
    var mine = ++latest;
    return api("GET", "/api/v1/review?" + params.toString()).then(function (r) {
      if (mine !== latest) return;
      if (r.status !== 200) { $("failed").hidden = false; return; }
      renderQueue(r.data);
    }, function () { $("failed").hidden = false; });
  }

  // -- the analytics dashboard ---------------------------------------------------------------------

  function pct(x) { return x === null ? t.analytics_none : percents.format(x); }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Vertical bars: one per item, labelled under it; `overlay` draws a darker bar inside (a part of it).
  function columns(target, items, value, label, overlay) {
    var w = 720, h = 200, pad = 24, max = Math.max.apply(null, items.map(value).concat([1]));
    var chart = svg("svg", { viewBox: "0 0 " + w + " " + (h + pad), role: "img", "aria-label": target.dataset.label || "" });
    var step = w / Math.max(items.length, 1);
    items.forEach(function (item, i) {
      var v = value(item), bh = h * v / max;
      var bar = svg("rect", { "class": "bar", x: i * step + 2, y: h - bh, width: Math.max(step - 4, 1), height: bh });
      bar.appendChild(svg("title", {}, label(item) + ": " + v));
      chart.appendChild(bar);
      if (overlay) {
        var oh = h * overlay(item) / max;
        chart.appendChild(svg("rect", { "class": "bar zero", x: i * step + 2, y: h - oh, width: Math.max(step - 4, 1), height: oh }));
      }
      if (items.length <= 31 && (items.length <= 12 || i % 3 === 0)) {
        chart.appendChild(svg("text", { x: i * step + step / 2, y: h + 16, "text-anchor": "middle" }, label(item)));
      }
    });
    target.innerHTML = "";
    target.appendChild(chart);
  }

  // Horizontal bars with their label and value, for ranked lists.
  function rows(target, items, value, label, scale) {
    var w = 720, rh = 20, max = scale || Math.max.apply(null, items.map(value).concat([1]));
    var chart = svg("svg", { viewBox: "0 0 " + w + " " + Math.max(items.length * rh, rh), role: "img", "aria-label": target.dataset.label || "" });
    items.forEach(function (item, i) {
      var bw = (w - 260) * value(item) / max;
      chart.appendChild(svg("text", { x: 0, y: i * rh + 14 }, label(item).slice(0, 40)));
      chart.appendChild(svg("rect", { "class": "bar", x: 250, y: i * rh + 3, width: bw, height: rh - 6 }));
      chart.appendChild(svg("text", { x: 255 + bw, y: i * rh + 14 }, String(value(item))));
    });
    target.innerHTML = "";
    target.appendChild(chart);
  }

  function tile(label, value) {
    var box = el("div", "tile");
    box.appendChild(el("div", "value", value));
    box.appendChild(el("div", "meta", label));
    return box;
  }

  function renderAnalytics(d) {
    var tiles = $("tiles");
    tiles.innerHTML = "";
    tiles.appendChild(tile(t.analytics_searches, numbers.format(d.searches.total)));
    tiles.appendChild(tile(t.analytics_zero, pct(d.searches.zero_result_rate)));
    tiles.appendChild(tile(t.analytics_helpful, pct(d.votes.helpful_ratio)));
    tiles.appendChild(tile(t.analytics_acceptance, pct(d.suggestions.acceptance)));
    tiles.appendChild(tile(t.analytics_confident, pct(d.suggestions.confident_share)));
    tiles.appendChild(tile(t.analytics_deflection, pct(d.contact.deflection_rate)));
    tiles.appendChild(tile(t.analytics_requests, numbers.format(d.contact.requests)));
    var rates = [
      [t.analytics_zero, d.searches.zero_result_rate], [t.analytics_helpful, d.votes.helpful_ratio],
      [t.analytics_acceptance, d.suggestions.acceptance], [t.analytics_confident, d.suggestions.confident_share]
    ];
    rows($("chart-rates"), rates, function (x) { return x[1] === null ? 0 : Math.round(x[1] * 1000) / 10; },
         function (x) { return x[0] + " (%)"; }, 100);
    columns($("chart-days"), d.searches.per_day, function (x) { return x.searches; },
            function (x) { return x.day.slice(5); }, function (x) { return x.zero_results; });
    columns($("chart-ctr"), d.searches.click_through_by_position, function (x) { return Math.round((x.rate || 0) * 1000) / 10; },
            function (x) { return "#" + x.position; });
    rows($("chart-top"), d.searches.top, function (x) { return x.count; }, function (x) { return x.query; });
    $("staff-searches").textContent = t.analytics_staff + ": " + numbers.format(d.staff.searches);
    var box = $("comments");
    box.innerHTML = "";
    if (d.comments.length) box.appendChild(commentList(d.comments, true));
    else box.appendChild(el("p", "meta", t.analytics_no_comments));
    var csv = new URLSearchParams({ from: $("from").value, to: $("to").value, format: "csv" });
    $("comments-csv").href = "/api/v1/comments?" + csv.toString();
  }

  function loadAnalytics() {
    $("failed").hidden = true;
    var params = new URLSearchParams({ from: $("from").value, to: $("to").value });
    var mine = ++latest;
    return api("GET", "/api/v1/analytics?" + params.toString()).then(function (r) {
      if (mine !== latest) return;
      if (r.status !== 200) { $("failed").hidden = false; return; }
      renderAnalytics(r.data);
    }, function () { $("failed").hidden = false; });
  }

  // -- wiring --------------------------------------------------------------------------------------

  if (!onQueue) {
    var today = new Date(), start = new Date(today.getTime() - 29 * 86400000);
    $("to").value = today.toISOString().slice(0, 10);
    $("from").value = start.toISOString().slice(0, 10);
  }
  if (!onQueue) {
    // Signed in, the session cookie goes with the link; with a token (kept in this tab), fetch it.
    $("comments-csv").addEventListener("click", function (e) {
      if (sessionRole) return;
      e.preventDefault();
      fetch(this.href, { headers: { Authorization: "Bearer " + sessionStorage.getItem(KEY) } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.blob(); })
        .then(function (blob) {
          var a = el("a");
          a.href = URL.createObjectURL(blob);
          a.download = "kb-comments.csv";
          document.body.appendChild(a);
          a.click();
          a.remove();
        })
        .catch(function () { $("failed").hidden = false; });
    });
  }
  $("signin-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("signin-error").hidden = true;
    signIn($("token").value.trim());
  });
  $("signout").addEventListener("click", function (e) {
    e.preventDefault();
    sessionStorage.removeItem(KEY);
    location.reload();
  });
  var form = $(onQueue ? "filters" : "period");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (onQueue) loadQueue(); else loadAnalytics();
  });
  if (sessionRole || sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY) || "");
})();
