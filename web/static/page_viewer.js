// The zoomable page image of the document view (issue 18): zoom in, out, fit the width.
// The image and its marks (an SVG over it, in the image's own coordinates) grow together
// inside a box that scrolls both ways, so a phone shows a page's words at a readable size
// without the page itself scrolling sideways. Without this script the image fits its column.
(function () {
  "use strict";
  var LEVELS = [1, 1.5, 2, 3, 4];
  var percent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "percent" });

  function setUp(tools) {
    var box = tools.parentElement.querySelector(".page-viewer");
    var figure = box && box.querySelector(".page-image");
    var shown = tools.querySelector(".zoom-level");
    if (!figure || !shown) {
      return;
    }
    var level = 0;
    function show() {
      figure.style.width = LEVELS[level] * 100 + "%";
      figure.dataset.zoom = String(LEVELS[level]);
      shown.textContent = percent.format(LEVELS[level]);
      tools.querySelector("[data-zoom=out]").disabled = level === 0;
      tools.querySelector("[data-zoom=in]").disabled = level === LEVELS.length - 1;
    }
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) {
        return;
      }
      var kind = button.dataset.zoom;
      level = kind === "in" ? Math.min(level + 1, LEVELS.length - 1) : kind === "out" ? Math.max(level - 1, 0) : 0;
      show();
    });
    tools.hidden = false;
    show();
  }

  function start() {
    document.querySelectorAll(".viewer-tools").forEach(function (tools) {
      if (!tools.dataset.ready) {
        tools.dataset.ready = "yes";
        setUp(tools);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
