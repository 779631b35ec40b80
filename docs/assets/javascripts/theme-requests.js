/* Loaded before Material's bundle (overrides/main.html): requests the theme would make that a
 * reader does not need.
 *
 * 1. Sitemaps that do not exist. Material looks for a sitemap.xml under the address of every
 *    hreflang alternate, expecting language roots; ours are the pages themselves, as search
 *    engines want, so each page view would cost requests that end in 404. Material asks with
 *    XMLHttpRequest: hand it an empty sitemap, without a request.
 * 2. Search, before the reader searches. Material fetches the search index (about 30 KB
 *    compressed for Arabic) and starts its worker (which then loads the language's word rules) on
 *    every page. Both wait here until the reader opens search: focuses the box (a click, or the
 *    "/" and "s" keys, which focus it) or taps the search button on a phone.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var wanted = /[?&]q=/.test(location.search);   // a search shared by address opens at once
  var waiting = [];

  function path(url) {
    return new URL(String(url), location.href).pathname;
  }

  function searchWanted() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  function whenWanted(start) {
    if (wanted) start(); else waiting.push(start);
  }

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("md-search__input")) searchWanted();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) searchWanted();
  }, true);

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var target = path(url);
    if (/\/sitemap\.xml$/.test(target)) args[1] = "data:application/xml,%3Curlset%2F%3E";
    this.dmmSearchIndex = INDEX.test(target);
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.dmmSearchIndex) return send.apply(request, args);
    whenWanted(function () { send.apply(request, args); });
  };

  // The worker: a stand-in that Material talks to as to a worker (listeners, messages), and
  // that starts the real one when search is wanted, replaying what it was given.
  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (!WORKER.test(path(url))) return new RealWorker(url, options);
    var listeners = [], messages = [], real = null;
    var standIn = {
      addEventListener: function (type, listener, capture) {
        if (real) real.addEventListener(type, listener, capture); else listeners.push([type, listener, capture]);
      },
      removeEventListener: function (type, listener, capture) {
        if (real) real.removeEventListener(type, listener, capture);
        else listeners = listeners.filter(function (item) { return item[0] !== type || item[1] !== listener; });
      },
      postMessage: function (message) {
        if (real) real.postMessage(message); else messages.push(message);
      },
      terminate: function () {
        if (real) real.terminate();
      }
    };
    whenWanted(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (item) { real.addEventListener(item[0], item[1], item[2]); });
      messages.splice(0).forEach(function (message) { real.postMessage(message); });
    });
    return standIn;
  };
})();
