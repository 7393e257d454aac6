// The registry's bulk selection (issue 18): the count of selected rows said in the bar, the
// actions disabled while nothing is selected, "select all" for the page, and the selection
// kept when the live refresh (rogatory.js) replaces the rows.
"use strict";

function setUpBulk() {
  const form = document.getElementById("bulk");
  const tbody = document.getElementById("registry-rows");
  if (!form || !tbody) return;
  const count = document.getElementById("bulk-count");
  const all = document.getElementById("select-all");
  const boxes = () => Array.from(tbody.querySelectorAll('input[type="checkbox"][name="numbers"]'));
  const update = () => {
    const chosen = boxes().filter((box) => box.checked);
    const n = chosen.length;
    count.textContent = n === 0 ? count.dataset.none : n === 1 ? count.dataset.one : count.dataset.many.replace("#", String(n));
    form.querySelectorAll("[data-needs-selection]").forEach((button) => { button.disabled = n === 0; });
    if (all) {
      all.checked = n > 0 && n === boxes().length;
      all.indeterminate = n > 0 && n < boxes().length;
    }
    boxes().forEach((box) => box.closest("tr").classList.toggle("selected", box.checked));
  };
  tbody.addEventListener("change", update);
  if (all) all.addEventListener("change", () => { boxes().forEach((box) => { box.checked = all.checked; }); update(); });
  // The live refresh swaps the rows: the numbers chosen before are chosen again after.
  new MutationObserver(() => {
    const kept = new Set(form.dataset.kept ? form.dataset.kept.split(" ") : []);
    boxes().forEach((box) => { if (kept.has(box.value)) box.checked = true; });
    update();
  }).observe(tbody, { childList: true });
  tbody.addEventListener("change", () => {
    form.dataset.kept = boxes().filter((box) => box.checked).map((box) => box.value).join(" ");
  });
  if (all) all.addEventListener("change", () => {
    form.dataset.kept = boxes().filter((box) => box.checked).map((box) => box.value).join(" ");
  });
  update();
}

document.addEventListener("DOMContentLoaded", setUpBulk);
