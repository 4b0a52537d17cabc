// kb's help widget: <script src="https://<kb>/widget.js" data-locale="es" data-suggest="factura"></script>
// A help button opens search, suggested articles and the contact form, in a Shadow DOM: the
// host page's styles do not reach in (`all: initial`), the widget's do not reach out. Every call to
// kb is a CORS request without credentials: what an anonymous customer may see, nothing more.
(function () {
  "use strict";
  const CONFIG = /*KB_CONFIG*/{};
  const script = document.currentScript;
  if (!script || window.__kbWidget) return;
  window.__kbWidget = true;
  const base = new URL(script.src).origin;
  const wanted = (script.dataset.locale || document.documentElement.lang || CONFIG.default_locale || "es").slice(0, 2).toLowerCase();
  const locale = CONFIG.text[wanted] ? wanted : CONFIG.default_locale;
  const T = CONFIG.text[locale];
  const primary = /^#[0-9a-fA-F]{3,8}$/.test(CONFIG.primary || "") ? CONFIG.primary : "#0b6bcb";

  const host = document.createElement("div");
  host.setAttribute("data-kb-widget", "");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; }
    * { box-sizing: border-box; }
    button { font: inherit; cursor: pointer; }
    .open { border: 0; border-radius: 999px; padding: .7rem 1.2rem; background: ${primary}; color: #fff; font-weight: 600; box-shadow: 0 4px 14px rgba(0,0,0,.2); }
    .panel { position: absolute; right: 0; bottom: 3.6rem; width: min(24rem, calc(100vw - 2rem)); max-height: min(36rem, calc(100vh - 6rem)); overflow: auto; background: #fff; border: 1px solid #dde3ea; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.18); padding: 1rem; }
    .panel[hidden] { display: none; }
    h2 { font-size: 1.1rem; margin: 0 0 .6rem; } h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
    .head { display: flex; justify-content: space-between; align-items: start; gap: .5rem; }
    .close { border: 0; background: none; font-size: 1.3rem; line-height: 1; padding: .1rem .4rem; color: #5b6575; }
    form.find { display: flex; gap: .4rem; }
    input, textarea { font: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid #8a94a3; border-radius: 6px; color: #1d2430; background: #fff; }
    form.find button, form.ask button[type=submit] { border: 0; border-radius: 6px; padding: .45rem .8rem; background: ${primary}; color: #fff; }
    ul { list-style: none; padding: 0; margin: 0; } li { margin: .35rem 0; }
    a { color: #0b5e8a; } .meta { color: #5b6575; font-size: .85rem; margin: .1rem 0 0; }
    form.ask { display: grid; gap: .3rem; } form.ask label { font-weight: 600; font-size: .9rem; margin-top: .3rem; }
    form.ask button[type=submit] { justify-self: start; margin-top: .4rem; }
    .resolved { margin-left: .3rem; border: 1px solid ${primary}; border-radius: 6px; background: #fff; color: #0b5e8a; font-size: .8rem; padding: .05rem .4rem; }
    .status { font-size: .9rem; } .done { background: #e8f5ec; padding: .5rem .7rem; border-radius: 6px; }
  </style>
  <button class="open" type="button" aria-expanded="false" aria-controls="kb-panel"></button>
  <section class="panel" id="kb-panel" role="dialog" aria-labelledby="kb-title" hidden>
    <div class="head"><h2 id="kb-title"></h2><button class="close" type="button">×</button></div>
    <form class="find" role="search"><input name="q" type="search" maxlength="500"><button type="submit"></button></form>
    <div class="results" aria-live="polite"></div>
    <h3 class="suggested-h" hidden></h3><ul class="suggested"></ul>
    <div class="contact" hidden>
      <h3 class="contact-h"></h3>
      <form class="ask">
        <label for="kb-email" class="l-email"></label><input id="kb-email" name="email" type="email" required maxlength="320" autocomplete="email">
        <label for="kb-subject" class="l-subject"></label><input id="kb-subject" name="subject" required maxlength="200">
        <ul class="deflect" aria-live="polite"></ul>
        <label for="kb-description" class="l-description"></label><textarea id="kb-description" name="description" required maxlength="10000" rows="4"></textarea>
        <button type="submit" class="send"></button>
        <p class="status" role="status"></p>
      </form>
    </div>
    <p class="meta link-out" hidden></p>
  </section>`;
  const $ = (s) => root.querySelector(s);
  const openButton = $(".open"), panel = $(".panel");
  openButton.textContent = T.widget_open;
  $(".close").setAttribute("aria-label", T.widget_close);
  $("#kb-title").textContent = T.widget_title;
  $("form.find input").placeholder = T.search_placeholder;
  $("form.find input").setAttribute("aria-label", T.search_button);
  $("form.find button").textContent = T.search_button;
  $(".suggested-h").textContent = T.widget_suggested;
  $(".contact-h").textContent = T.contact_title;
  $(".l-email").textContent = T.contact_email;
  $(".l-subject").textContent = T.contact_subject;
  $(".l-description").textContent = T.contact_description;
  $(".send").textContent = T.contact_send;

  function api(path, body) {
    const init = { mode: "cors", credentials: "omit" };
    if (body) Object.assign(init, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return fetch(base + path, init).then((r) => r.json().then((data) => ({ ok: r.ok, status: r.status, data })));
  }
  function link(item) {
    const a = document.createElement("a");
    a.href = base + item.url;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = item.title + (item.section && item.section.heading ? " › " + item.section.heading : "");
    return a;
  }
  function list(target, items) {
    target.replaceChildren(...items.map((item) => { const li = document.createElement("li"); li.append(link(item)); return li; }));
  }
  function search(q, target, limit) {
    return api("/api/v1/search?" + new URLSearchParams({ q, locale, limit: String(limit) })).then(({ ok, data }) => {
      const items = ok ? data.results : [];
      list(target, items);
      return items;
    });
  }

  let suggestedOnce = false;
  function suggested() {
    if (suggestedOnce) return;
    suggestedOnce = true;
    const topic = (script.dataset.suggest || document.title || "").trim().slice(0, 200);
    if (!topic) return;
    search(topic, $(".suggested"), 3).then((items) => { $(".suggested-h").hidden = items.length === 0; }).catch(() => {});
  }

  openButton.addEventListener("click", () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    openButton.setAttribute("aria-expanded", String(opening));
    if (opening) { suggested(); $("form.find input").focus(); }
  });
  $(".close").addEventListener("click", () => { panel.hidden = true; openButton.setAttribute("aria-expanded", "false"); openButton.focus(); });

  $("form.find").addEventListener("submit", (e) => {
    e.preventDefault();
    const q = $("form.find input").value.trim();
    if (!q) return;
    const box = $(".results");
    const ul = document.createElement("ul");
    box.replaceChildren(ul);
    search(q, ul, 5).then((items) => {
      if (!items.length) { const p = document.createElement("p"); p.textContent = T.no_results.replace("{q}", q); box.replaceChildren(p); }
      if (CONFIG.contact) $(".contact").hidden = false;
    }).catch(() => {});
  });

  if (CONFIG.contact) {
    const form = $("form.ask");
    let formId = "", timer = null, shown = [];
    const ask = () => {
      const text = (form.subject.value + "\n" + form.description.value).trim();
      if (text.length < 4) return;
      const params = { q: text.slice(0, 500), locale };
      if (formId) params.form_id = formId;
      api("/api/v1/contact/suggestions?" + new URLSearchParams(params)).then(({ ok, data }) => {
        if (!ok) return;
        formId = data.form_id;
        shown = data.suggestions.map((s) => s.id);
        const ul = $(".deflect");
        ul.replaceChildren(...data.suggestions.map((s) => {
          const li = document.createElement("li");
          const a = link(s);
          a.addEventListener("click", () => api("/api/v1/contact/events", { form_id: formId, event: "opened", article_id: s.id }));
          const yes = document.createElement("button");
          yes.type = "button"; yes.className = "resolved"; yes.textContent = T.contact_resolved;
          yes.addEventListener("click", () => {
            api("/api/v1/contact/events", { form_id: formId, event: "resolved", article_id: s.id });
            const done = document.createElement("p"); done.className = "done"; done.textContent = T.contact_resolved_thanks;
            form.replaceWith(done);
          });
          li.append(a, " ", yes);
          return li;
        }));
      }).catch(() => {});
    };
    for (const f of [form.subject, form.description]) f.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 400); });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const body = { subject: form.subject.value, description: form.description.value, email: form.email.value, locale, suggested: shown, page: location.href.slice(0, 2000) };
      if (formId) body.form_id = formId;
      api("/api/v1/contact", body).then(({ ok, status, data }) => {
        const out = form.querySelector(".status");
        if (ok) { const done = document.createElement("p"); done.className = "done"; done.textContent = T.contact_sent.replace("{id}", data.id); form.replaceWith(done); }
        else if (status === 503) out.textContent = T.contact_failed;
        else out.textContent = T.contact_invalid.replace("{detail}", (data.error && data.error.message) || status);
      }).catch(() => { form.querySelector(".status").textContent = T.contact_failed; });
    });
  } else if (CONFIG.contact_url) {
    const p = $(".link-out");
    const a = document.createElement("a");
    a.href = CONFIG.contact_url; a.target = "_blank"; a.rel = "noopener"; a.textContent = T.contact_support;
    p.append(T.no_answer + " ", a);
    p.hidden = false;
  }
  (document.body || document.documentElement).appendChild(host);
})();
