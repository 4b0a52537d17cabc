// The admins' page of staff accounts (/admin/users): list, create, disable, enable, reset the second
// factor and delete, over /api/v1/users, signed in as an admin or with an admin's token kept in this tab.
(function () {
  "use strict";

  var t = JSON.parse(document.getElementById("users-text").textContent);
  var KEY = "kb_admin_token";
  var $ = function (id) { return document.getElementById(id); };
  var api = kbStaff.client(KEY);
  var el = kbStaff.el;

  function failed(message) {
    $("failed").textContent = message || t.users_failed;
    $("failed").hidden = false;
  }

  function state(u) {
    if (u.disabled_at) return t.users_disabled;
    return u.enrolled ? t.users_enrolled : t.users_not_enrolled;
  }

  function button(label, onClick) {
    var b = el("button", "", label);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function act(method, path, body, question) {
    return function () {
      if (question && !window.confirm(question)) return;
      $("failed").hidden = true;
      api(method, path, body).then(function (r) {
        if (r.status >= 400) failed(r.data.error && r.data.error.message);
        load();
      }, function () { failed(); });
    };
  }

  function render(users) {
    var body = $("users");
    body.innerHTML = "";
    if (!users.length) {
      var empty = el("tr");
      var cell = el("td", "meta", t.users_none);
      cell.colSpan = 5;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
    users.forEach(function (u) {
      var row = el("tr");
      row.dataset.email = u.email;
      var who = el("td");
      who.appendChild(el("strong", "", u.email));
      who.appendChild(el("div", "meta", u.name));
      row.appendChild(who);
      row.appendChild(el("td", "", u.role));
      row.appendChild(el("td", "state", state(u)));
      row.appendChild(el("td", "", String(u.sessions)));
      var actions = el("td", "actions");
      var path = "/api/v1/users/" + u.id;
      if (u.disabled_at) actions.appendChild(button(t.users_enable, act("POST", path, { action: "enable" })));
      else actions.appendChild(button(t.users_disable, act("POST", path, { action: "disable" })));
      actions.appendChild(button(t.users_reset, act("POST", path, { action: "reset_2fa" }, t.users_reset_q.replace("{email}", u.email))));
      actions.appendChild(button(t.users_delete, act("DELETE", path, undefined, t.users_delete_q.replace("{email}", u.email))));
      row.appendChild(actions);
      body.appendChild(row);
    });
  }

  function load() {
    return api("GET", "/api/v1/users").then(function (r) {
      if (r.status !== 200) { failed(r.data.error && r.data.error.message); return; }
      render(r.data.users);
    }, function () { failed(); });
  }

  function signIn(token) {
    sessionStorage.setItem(KEY, token);
    return api("GET", "/api/v1/me").then(function (r) {
      if (r.status === 200 && r.data.role === "admin") {
        $("signin").hidden = true;
        $("console").hidden = false;
        $("role").textContent = r.data.role;
        return load();
      }
      sessionStorage.removeItem(KEY);
      $("signin-error").hidden = false;
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
  $("new-user").addEventListener("submit", function (e) {
    e.preventDefault();
    $("failed").hidden = true;
    var body = { email: $("new-email").value, name: $("new-name").value, role: $("new-role").value, password: $("new-password").value };
    api("POST", "/api/v1/users", body).then(function (r) {
      if (r.status !== 201) { failed(r.data.error && r.data.error.message); return; }
      $("new-user").reset();
      load();
    }, function () { failed(); });
  });
  if (kbStaff.sessionRole || sessionStorage.getItem(KEY)) signIn(sessionStorage.getItem(KEY) || "");
})();
