// What the staff pages share: calling the JSON API as the signed-in person (session cookie, with the
// CSRF token for changes) or with the API token kept in this tab under `key`; and making elements.
window.kbStaff = (function () {
  "use strict";

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var sessionRole = document.body.dataset.staffRole || "";

  function client(key) {
    return function api(method, path, body) {
      var headers = sessionRole
        ? { "X-CSRF-Token": csrfMeta.content }
        : { "Authorization": "Bearer " + sessionStorage.getItem(key) };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      var request = { method: method, headers: headers, credentials: "same-origin" };
      if (body !== undefined) request.body = JSON.stringify(body);
      return fetch(path, request).then(function (r) {
        return r.json().then(function (data) { return { status: r.status, data: data }; });
      });
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  return { client: client, el: el, sessionRole: sessionRole };
})();
