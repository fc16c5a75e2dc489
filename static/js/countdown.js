/* The home page's "next meetup" countdown.
 *
 * The server renders the date and time in full; this script adds a live days : hours : minutes :
 * seconds clock, says "Happening now" between start and end, and moves on to the following meetup
 * (rendered hidden beside it) once the first one ends, or reloads the page once if none is left.
 * The clock has role="timer" (never announced on its own); only the status line, which changes
 * a couple of times at most, is a polite live region.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-countdown]");
  if (!root) {
    return;
  }
  var items = Array.prototype.slice.call(root.querySelectorAll("[data-countdown-item]"));
  var SECOND = 1000;
  var MINUTE = 60 * SECOND;
  var HOUR = 60 * MINUTE;
  var DAY = 24 * HOUR;
  var timer = null;

  function pad(value) {
    return value < 10 ? "0" + value : String(value);
  }

  function setText(element, text) {
    // Writing only on change keeps the DOM (and assistive technology) quiet.
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function currentItem(now) {
    for (var i = 0; i < items.length; i += 1) {
      if (Date.parse(items[i].getAttribute("data-end")) > now) {
        return items[i];
      }
    }
    return null;
  }

  function showOnly(item) {
    items.forEach(function (other) {
      other.hidden = other !== item;
    });
  }

  function reloadOnce() {
    var key = "countdown-reloaded:" + items[items.length - 1].getAttribute("data-end");
    var done = false;
    try {
      done = window.sessionStorage.getItem(key) === "1";
      window.sessionStorage.setItem(key, "1");
    } catch (error) {
      done = true; // No storage: never risk a reload loop.
    }
    if (!done) {
      window.location.reload();
      return;
    }
    var last = items[items.length - 1];
    setText(last.querySelector("[data-countdown-status]"), "This meetup has ended.");
    last.querySelector("[data-countdown-clock]").hidden = true;
  }

  function render(item, now) {
    var clock = item.querySelector("[data-countdown-clock]");
    var status = item.querySelector("[data-countdown-status]");
    var remaining = Date.parse(item.getAttribute("data-start")) - now;
    if (remaining <= 0) {
      clock.hidden = true;
      setText(status, "Happening now");
      return;
    }
    var parts = {
      days: Math.floor(remaining / DAY),
      hours: pad(Math.floor((remaining % DAY) / HOUR)),
      minutes: pad(Math.floor((remaining % HOUR) / MINUTE)),
      seconds: pad(Math.floor((remaining % MINUTE) / SECOND))
    };
    Object.keys(parts).forEach(function (unit) {
      setText(clock.querySelector('[data-unit="' + unit + '"]'), String(parts[unit]));
    });
    clock.hidden = false;
    setText(status, "");
  }

  function tick() {
    var now = Date.now();
    var item = currentItem(now);
    if (!item) {
      window.clearInterval(timer);
      reloadOnce();
      return;
    }
    showOnly(item);
    render(item, now);
  }

  tick();
  timer = window.setInterval(tick, SECOND);
})();
