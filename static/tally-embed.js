/* Tally embed parent script: include once on a page with Tally iframes (<iframe data-tally ...>).
   It sets each iframe's height from the AMP-style "embed-size" message its Tally child sends. */
(function () {
  if (window.__tallyEmbed) return;
  window.__tallyEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') return;
    var frames = document.querySelectorAll('iframe[data-tally]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(Number(data.height)) + 'px';
      }
    }
  });
})();
