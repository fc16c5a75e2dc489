// Contact form: move focus to the error summary, and show the talk fields only for talk proposals.
// Without JavaScript everything still works: the talk fields are simply visible and optional.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }

  var select = document.getElementById("id_inquiry_type");
  var speaker = document.querySelector("[data-speaker-fields]");
  if (!select || !speaker) {
    return;
  }
  var hasText = function () {
    return Array.prototype.some.call(speaker.querySelectorAll("input, textarea"), function (el) {
      return el.value.trim() !== "";
    });
  };
  var update = function () {
    // Never hide something the person already typed.
    speaker.hidden = select.value !== "speaker" && !hasText();
  };
  select.addEventListener("change", update);
  update();
})();
