// Keyboard shortcuts (issue 18): j/k move through the list, o or Enter opens, x selects,
// "/" searches, "g r" goes to the registry (or one's queue), "?" shows the help. None of
// them fires while a field, a select or an editable element has the focus, nor with
// Ctrl, Alt or Meta held (the browser's and the screen reader's own keys stay theirs).
// They can be turned off in the help (WCAG 2.1.4), kept in this browser's localStorage;
// the help stays reachable by its button in the footer.
"use strict";

function typingIn(target) {
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable]:not([contenteditable='false'])"));
}

// The list's items: the registry's rows, the search's hits; each opened by its number link.
function listItems() {
  const rows = Array.from(document.querySelectorAll("#registry-rows tr, article.hit"));
  return rows.filter((row) => row.querySelector("a.number"));
}

function setUpShortcuts() {
  const help = document.getElementById("shortcuts");
  if (!help) return;
  const opener = document.getElementById("shortcuts-open");
  const toggleHelp = () => { if (help.open) help.close(); else help.showModal(); };
  if (opener) opener.addEventListener("click", toggleHelp);
  const off = document.getElementById("shortcuts-off");
  const turnedOff = () => { try { return window.localStorage.getItem("rogatory.shortcuts") === "off"; } catch (error) { return false; } };
  if (off) {
    off.checked = turnedOff();
    off.addEventListener("change", () => {
      try { window.localStorage.setItem("rogatory.shortcuts", off.checked ? "off" : "on"); } catch (error) { /* private mode */ }
    });
  }
  let current = -1;
  let pendingG = false;
  const choose = (step) => {
    const items = listItems();
    if (!items.length) return;
    const focused = items.findIndex((item) => item.contains(document.activeElement));
    const from = focused >= 0 ? focused : current;
    current = Math.min(items.length - 1, Math.max(0, from + step));
    items.forEach((item, index) => item.classList.toggle("kb-current", index === current));
    const link = items[current].querySelector("a.number");
    link.focus();
    items[current].scrollIntoView({ block: "nearest" });
  };
  const chosen = () => {
    const items = listItems();
    const focused = items.find((item) => item.contains(document.activeElement));
    return focused || items[current] || null;
  };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    if (typingIn(event.target) || turnedOff()) return;
    if (help.open && event.key !== "?") return;  // the dialog keeps its own keys (Esc closes it)
    const key = event.key;
    if (pendingG) {
      pendingG = false;
      if (key === "r") {
        const home = document.querySelector(".menu a");
        if (home) window.location.href = home.href;
        event.preventDefault();
        return;
      }
    }
    if (key === "?") { toggleHelp(); event.preventDefault(); }
    else if (key === "j") { choose(1); event.preventDefault(); }
    else if (key === "k") { choose(-1); event.preventDefault(); }
    else if (key === "o") {
      const item = chosen();
      if (item) { item.querySelector("a.number").click(); event.preventDefault(); }
    } else if (key === "x") {
      const item = chosen();
      const box = item ? item.querySelector('input[type="checkbox"]') : null;
      if (box) { box.click(); event.preventDefault(); }
    } else if (key === "/") {
      const search = document.querySelector('input[type="search"]');
      if (search) search.focus();
      else window.location.href = "/search";
      event.preventDefault();
    } else if (key === "g") { pendingG = true; window.setTimeout(() => { pendingG = false; }, 1500); }
  });
}

document.addEventListener("DOMContentLoaded", setUpShortcuts);
