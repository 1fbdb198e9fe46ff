// A very large record is shown in parts. A link from before the parts, or one written by hand,
// may point at a story or knelpunt (#v-… or #k-…) that is in another part than the one shown:
// ask the server for the part that holds it (?bijdrage=), keeping the anchor. Without script the
// parts' list at the top still leads everywhere.
(function () {
  'use strict';
  var nav = document.querySelector('nav.parts[data-record]');
  var target = decodeURIComponent(window.location.hash.slice(1));
  if (!nav || !/^[kv]-./.test(target) || document.getElementById(target)) {
    return;
  }
  window.location.replace(nav.getAttribute('data-record') + '?bijdrage=' + encodeURIComponent(target.slice(2))
    + '#' + encodeURIComponent(target));
})();
