/* Loaded before Material's bundle (overrides/main.html). Material looks for a sitemap.xml under
 * the address of every hreflang alternate, expecting language roots; ours are the pages themselves,
 * as search engines want, so those sitemaps do not exist and each page view would cost requests
 * that end in 404. Material asks with XMLHttpRequest: hand it an empty sitemap, without a request. */
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(new URL(String(url), location.href).pathname)) {
      args[1] = "data:application/xml,%3Curlset%2F%3E";
    }
    return open.apply(this, args);
  };
})();
