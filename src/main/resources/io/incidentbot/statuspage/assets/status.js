// The status page's only script, and optional: the page works without it. It shows times in the reader's time
// zone (the markup has them in UTC) and reloads the page every 60 seconds while it is visible.
(function () {
  'use strict';
  var fmt;
  try {
    fmt = new Intl.DateTimeFormat(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    });
  } catch (e) {
    return;
  }
  var times = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < times.length; i++) {
    var d = new Date(times[i].getAttribute('datetime'));
    if (!isNaN(d.getTime())) {
      times[i].title = times[i].textContent;
      times[i].textContent = fmt.format(d);
    }
  }
  setInterval(function () {
    if (document.visibilityState === 'visible') {
      window.location.reload();
    }
  }, 60000);
})();
