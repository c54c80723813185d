/* Tally embed parent script: include once on a page with Tally iframes (<iframe data-tally ...>).
   It sets each iframe's height from the AMP-style "embed-size" message its Tally child sends. It
   loads async, so a frame may have loaded (and sent its height) first: it asks each frame once. */
(function () {
  if (window.__tallyEmbed) return;
  window.__tallyEmbed = true;
  // A height is a number of pixels, kept within these bounds whatever a message says.
  var MIN = 32, MAX = 40000;
  function frames() { return document.querySelectorAll('iframe[data-tally]'); }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    height = Math.min(MAX, Math.max(MIN, Math.ceil(height)));
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      if (all[i].contentWindow === event.source) all[i].style.height = height + 'px';
    }
  });
  var all = frames();
  for (var i = 0; i < all.length; i++) {
    if (all[i].contentWindow) all[i].contentWindow.postMessage('tally:height?', '*');
  }
})();
