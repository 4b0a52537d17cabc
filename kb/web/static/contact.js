// The contact form: suggest articles while the customer types (debounced), record what deflected,
// and send the request with fetch (the form also works without JavaScript).
(function () {
  "use strict";
  const form = document.querySelector("form.contact");
  if (!form) return;
  const formId = form.dataset.formId;
  const locale = form.dataset.locale;
  const box = form.querySelector(".deflect");
  const list = form.querySelector(".deflect-list");
  const status = form.querySelector(".contact-status");
  const subject = form.querySelector("#c-subject");
  const description = form.querySelector("#c-description");
  let shown = [];
  let timer = null;
  let asked = "";

  function event(name, articleId) {
    const body = JSON.stringify({ form_id: formId, event: name, article_id: articleId });
    fetch("/api/v1/contact/events", { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true });
  }

  function render(items) {
    list.replaceChildren();
    shown = items.map((s) => s.id);
    for (const s of items) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = s.url;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = s.title + (s.section.heading ? " › " + s.section.heading : "");
      a.addEventListener("click", () => event("opened", s.id));
      const yes = document.createElement("button");
      yes.type = "button";
      yes.className = "resolved";
      yes.textContent = form.dataset.resolved;
      yes.addEventListener("click", () => {
        event("resolved", s.id);
        const done = document.createElement("p");
        done.className = "notice done";
        done.setAttribute("role", "status");
        done.textContent = form.dataset.thanks;
        form.replaceWith(done);
      });
      li.append(a, " ", yes);
      list.append(li);
    }
    box.hidden = items.length === 0;
  }

  function ask() {
    const text = (subject.value + "\n" + description.value).trim();
    if (text.length < 4 || text === asked) return;
    asked = text;
    const url = "/api/v1/contact/suggestions?" + new URLSearchParams({ q: text.slice(0, 500), locale, form_id: formId });
    fetch(url).then((r) => (r.ok ? r.json() : { suggestions: [] })).then((data) => {
      if (asked === text) render(data.suggestions || []);
    }).catch(() => {});
  }

  for (const field of [subject, description]) {
    field.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 400); });
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!form.reportValidity()) return;
    const body = { subject: subject.value, description: description.value, email: form.email.value, locale, form_id: formId, suggested: shown };
    if (form.name.value.trim()) body.name = form.name.value;
    status.textContent = "";
    fetch("/api/v1/contact", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then((r) => r.json().then((data) => ({ ok: r.ok, status: r.status, data })))
      .then(({ ok, status: code, data }) => {
        const done = document.createElement("p");
        done.setAttribute("role", "status");
        if (ok) {
          done.className = "notice done";
          done.textContent = form.dataset.sent.replace("{id}", data.id);
          form.replaceWith(done);
        } else if (code === 503) {
          done.className = "notice";
          done.textContent = form.dataset.failed;
          form.replaceWith(done);
        } else {
          status.textContent = form.dataset.invalid.replace("{detail}", (data.error && data.error.message) || code);
        }
      })
      .catch(() => { status.textContent = form.dataset.failed; });
  });
})();
