// Blog comments: the post page is the same for every visitor (the page cache keeps it), so the
// comment form, which carries this visitor's CSRF and one-use time tokens, is fetched from
// comment/form/ when the comments come near the screen, and again with ?reply_to= for a reply.
// Without JavaScript, or if the fetch fails, the links open the form on a page of its own.
(function () {
  "use strict";
  var slot = document.querySelector("[data-comment-form-url]");
  if (!slot || !window.fetch) {
    return;
  }
  var formUrl = slot.getAttribute("data-comment-form-url");
  var KEPT_FIELDS = ["name", "email", "body"];
  var latest = 0; // loads asked for so far; only the last one asked for is shown

  var load = function (replyTo) {
    var ticket = ++latest;
    var url = formUrl + (replyTo ? "?reply_to=" + encodeURIComponent(replyTo) : "");
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("comment form: HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (ticket !== latest) {
          return true;
        }
        var typed = {};
        KEPT_FIELDS.forEach(function (name) {
          var field = slot.querySelector("[name='" + name + "']");
          typed[name] = field ? field.value : "";
        });
        slot.innerHTML = html;
        KEPT_FIELDS.forEach(function (name) {
          var field = slot.querySelector("[name='" + name + "']");
          if (field && typed[name]) {
            field.value = typed[name]; // switching to a reply keeps what was typed
          }
        });
        return true;
      })
      .catch(function () {
        return false; // the link to the form's own page stays
      });
  };

  var focusForm = function () {
    var heading = slot.querySelector("h3");
    var field = slot.querySelector("input:not([type=hidden]):not([tabindex='-1']), textarea");
    slot.scrollIntoView({ block: "start" });
    if (heading) {
      heading.setAttribute("tabindex", "-1");
    }
    (field || heading || slot).focus({ preventScroll: true });
  };

  // "Reply to …" under a comment, and "Write a new comment instead" inside the form.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-reply-to]") : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    var ticket = latest + 1;
    load(link.getAttribute("data-reply-to")).then(function (ok) {
      if (ticket !== latest) {
        return; // another link was clicked since
      }
      if (ok) {
        focusForm();
      } else {
        window.location.href = link.href;
      }
    });
  });

  if (!("IntersectionObserver" in window)) {
    load("");
    return;
  }
  var observer = new IntersectionObserver(
    function (entries) {
      // Only if nothing was asked for yet: a reply link clicked first must not be overwritten.
      if (latest === 0 && entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        load("");
      }
    },
    { rootMargin: "600px 0px" }
  );
  observer.observe(slot);
})();
