/* Tally inside an iframe: the one implementation of the resize protocol, for the static card pages
   and the app alike. Whenever the content's height changes it tells the parent page in every common
   dialect at once: AMP ("embed-size"), Medium/Embedly ("iframe.resize"), Pym.js (with ?childId=)
   and Datawrapper-style listeners (with ?embedId=). It also applies ?theme=, ?plain= and ?full=, so a static
   card honours them without the wasm. A card loads it in its head, before the first paint, so its
   theme and title never change after it. */
(function () {
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  // As the app reads a flag: present and empty, 1, true or yes.
  if (params.has('plain') && /^(|1|true|yes)$/.test(params.get('plain'))) root.setAttribute('data-plain', '');
  // ?full=1 on a card: the whole card, its folded methods and corrections open.
  if (params.has('full') && /^(|1|true|yes)$/.test(params.get('full'))) {
    root.setAttribute('data-full', '');
    document.addEventListener('DOMContentLoaded', function () {
      var folded = document.querySelectorAll('details.methods');
      for (var i = 0; i < folded.length; i++) folded[i].open = true;
    });
  }
  if (window.parent === window) return;
  var childId = params.get('childId');
  var embedId = params.get('embedId');
  var last = 0;

  // The content's own height (the root's box), never the viewport's, which would pin Pym at 150 px.
  function send(force) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!height || (!force && height === last)) return;
    last = height;
    var post = function (message) { window.parent.postMessage(message, '*'); };
    post({ sentinel: 'amp', type: 'embed-size', height: height });
    post(JSON.stringify({ src: location.href, context: 'iframe.resize', height: height }));
    if (childId) post('pymxPYMx' + childId + 'xPYMxheightxPYMx' + height);
    if (embedId) {
      var sizes = {};
      sizes[embedId] = height;
      post({ 'datawrapper-height': sizes });
    }
  }

  if (window.ResizeObserver) new ResizeObserver(function () { send(false); }).observe(root);
  window.addEventListener('resize', function () { send(false); });
  // A Pym parent asks with its width, Tally's parent script when it starts (it may start after this
  // frame's first message): answer with the height even when it has not changed.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (data === 'tally:height?') send(true);
    if (typeof data === 'string' && data.indexOf('pymxPYMx') === 0 && data.indexOf('xPYMxwidthxPYMx') > 0) send(true);
  });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { send(false); });
  // The slow fallback for layouts the observer misses.
  setInterval(function () { send(false); }, 1000);
  send(true);
})();
