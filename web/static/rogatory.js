// Rogatory's pages: uploads with a progress bar per file, live status of the registry,
// and entities linked to their places on the page. No framework; text is set with
// textContent only, never as HTML.
"use strict";

// A received name with its bidirectional controls made visible (as rogatory/shown.py does).
function shownName(name) {
  return name.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => "[U+" + c.charCodeAt(0).toString(16).toUpperCase() + "]");
}

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.content : "";
}

function cell(row, text, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  if (text !== undefined) td.textContent = text;
  row.appendChild(td);
  return td;
}

// The page's words in the user's language (base.html puts them on <body data-words>).
let pageWords = null;
function word(key) {
  if (pageWords === null) {
    try { pageWords = JSON.parse(document.body.dataset.words || "{}"); } catch (error) { pageWords = {}; }
  }
  return pageWords[key] || key;
}

// Several files sent as one request (its main document and annexes): one row, one number.
function uploadTogether(files, tbody, maxBytes) {
  const names = files.map((file) => shownName(file.name)).join(", ");
  const tooLarge = files.filter((file) => file.size > maxBytes);
  if (tooLarge.length) {
    const row = document.createElement("tr");
    cell(row, names);
    cell(row);
    cell(row, word("too_large_named").replace("{names}", tooLarge.map((file) => shownName(file.name)).join(", ")), "alert");
    tbody.appendChild(row);
    return;
  }
  const body = new FormData();
  files.forEach((file) => body.append("files", file, file.name));
  body.append("one_request", "true");
  sendUpload(body, names, tbody, (answer) => {
    const registered = answer.find((item) => item.status === "registered");
    const refused = answer.filter((item) => item.status === "rejected").length;
    return {item: registered || answer.find((item) => item.status === "duplicate") || answer[0],
            more: answer.length > 1 ? " " + word(refused ? "with_annexes_refused" : "with_annexes").replace("{annexes}", String(answer.length - 1)).replace("{refused}", String(refused)) : ""};
  });
}

function uploadOne(file, tbody, maxBytes) {
  if (file.size > maxBytes) {
    const row = document.createElement("tr");
    cell(row, shownName(file.name));
    cell(row);
    cell(row, word("too_large"), "alert");
    tbody.appendChild(row);
    return;
  }
  const body = new FormData();
  body.append("files", file, file.name);
  sendUpload(body, shownName(file.name), tbody, (answer) => ({item: answer[0], more: ""}));
}

function sendUpload(body, name, tbody, pick) {
  const row = document.createElement("tr");
  cell(row, name);
  const progressCell = cell(row);
  const bar = document.createElement("progress");
  bar.max = 100; bar.value = 0;
  bar.setAttribute("aria-label", word("sending").replace("{name}", name));
  progressCell.appendChild(bar);
  const result = cell(row, word("waiting"), "muted");
  tbody.appendChild(row);
  const request = new XMLHttpRequest();
  request.open("POST", "/api/requests");
  request.setRequestHeader("X-CSRF-Token", csrfToken());
  request.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) bar.value = Math.round((100 * event.loaded) / event.total);
  });
  request.addEventListener("load", () => {
    bar.value = 100;
    result.textContent = "";
    result.className = "";
    let answer;
    try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
    if (request.status !== 201 || !Array.isArray(answer)) {
      result.textContent = (answer && answer.detail) ? String(answer.detail) : word("upload_failed").replace("{status}", String(request.status));
      result.className = "alert";
      return;
    }
    const {item, more} = pick(answer);
    if (!item) {
      result.textContent = word("nothing_sent");
      result.className = "alert";
    } else if (item.status === "registered") {
      const link = document.createElement("a");
      link.href = "/requests/" + encodeURIComponent(item.number);
      link.className = "number";
      link.textContent = item.number;
      result.append(word("registered_as") + " ", link, more);
    } else if (item.status === "duplicate") {
      const link = document.createElement("a");
      link.href = "/requests/" + encodeURIComponent(item.duplicate_of);
      link.className = "number";
      link.textContent = item.duplicate_of;
      result.append(word("already_registered_as") + " ", link);
    } else {
      // Outside English the page knows what the code means; the intake's English reason follows.
      const key = "refusal_" + (item.code || "");
      const meaning = word(key) === key ? "" : word(key);
      const reason = meaning ? meaning + " (" + (item.reason || item.code) + ")" : item.reason || item.code;
      result.textContent = word("refused").replace("{reason}", reason || word("unknown_reason"));
      result.className = "alert";
    }
  });
  request.addEventListener("error", () => {
    result.textContent = word("network_error");
    result.className = "alert";
  });
  request.send(body);
}

function setUpUpload() {
  const zone = document.getElementById("dropzone");
  if (!zone) return;
  const input = document.getElementById("file-input");
  const table = document.getElementById("uploads");
  const tbody = table.querySelector("tbody");
  const maxBytes = Number(zone.dataset.maxBytes || "0");
  const send = (files) => {
    table.hidden = false;
    table.parentElement.hidden = false;  // the table's scroll box
    const together = document.getElementById("one-request");
    if (together && together.checked && files.length > 1) {
      uploadTogether(Array.from(files), tbody, maxBytes);
    } else {
      Array.from(files).forEach((file) => uploadOne(file, tbody, maxBytes));
    }
  };
  ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    send(event.dataTransfer.files);
  });
  input.addEventListener("change", () => { send(input.files); input.value = ""; });
}

function setUpLiveRegistry() {
  const table = document.querySelector("table.registry");
  if (!table) return;
  const tbody = document.getElementById("registry-rows");
  const refresh = async () => {
    const busy = tbody.querySelector('tr[data-status="registered"], tr[data-status="processing"]');
    if (!busy && table.dataset.live !== "on") return;
    table.dataset.live = "off";
    const url = new URL(window.location.href);
    url.searchParams.set("partial", "rows");
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (response.ok && response.headers.get("content-type").startsWith("text/html")) {
        const template = document.createElement("template");
        template.innerHTML = "<table><tbody>" + (await response.text()) + "</tbody></table>";
        tbody.replaceChildren(...template.content.querySelector("tbody").children);
      }
    } catch (error) { /* offline for a moment: try again on the next tick */ }
  };
  window.setInterval(refresh, 3000);
}

function setUpRefresh() {
  const marker = document.querySelector("[data-refresh]");
  if (marker) window.setTimeout(() => window.location.reload(), 1000 * Number(marker.dataset.refresh));
}

// An entity's tooltip on the page image: "Person: Aleksandr PETROV" above its first box.
// It stays while the pointer is on it (WCAG 1.4.13); Escape hides it.
function showTip(group, on, keep) {
  const figure = group.closest("figure");
  let tip = figure.querySelector(".hl-tip");
  if (!on) { if (tip) tip.hidden = true; return; }
  if (!tip) {
    tip = document.createElement("div");
    tip.className = "hl-tip";
    tip.setAttribute("aria-hidden", "true");  // the same words are the box's name and the link's list
    tip.addEventListener("mouseenter", () => keep(true));
    tip.addEventListener("mouseleave", () => keep(false));
    figure.appendChild(tip);
  }
  const box = group.querySelector("rect.hl").getBoundingClientRect();
  const frame = figure.getBoundingClientRect();
  tip.textContent = group.dataset.tip;
  tip.style.left = Math.max(0, box.left - frame.left) + "px";
  tip.style.top = Math.max(0, box.top - frame.top - 4) + "px";
  tip.hidden = false;
}

// Hovering or focusing an entity (its link in the list, its mark in the text, its box) marks
// every place of it, on the images and in the text, and shows its tooltip; Escape hides them.
function setUpEntityLinks() {
  let shown = null;
  let hiding = 0;
  const toggle = (index, on) => {
    window.clearTimeout(hiding);
    if (on && shown !== null && shown !== index) toggle(shown, false);
    shown = on ? index : null;
    document.querySelectorAll('[data-entity="' + index + '"]').forEach((element) => element.classList.toggle("active", on));
    const tipped = new Set();  // one tooltip per page image: at the entity's first place on it
    document.querySelectorAll('g.hl-entity[data-entity="' + index + '"]').forEach((group) => {
      const figure = group.closest("figure");
      if (!tipped.has(figure)) showTip(group, on, keep);
      tipped.add(figure);
    });
  };
  const hideSoon = (index) => { hiding = window.setTimeout(() => { if (shown === index) toggle(index, false); }, 400); };
  const keep = (on) => { if (on) window.clearTimeout(hiding); else if (shown !== null) hideSoon(shown); };
  document.querySelectorAll(".entity[data-entity], mark[data-entity], g.hl-entity").forEach((element) => {
    const index = element.dataset.entity;
    ["mouseenter", "focus"].forEach((name) => element.addEventListener(name, () => toggle(index, true)));
    element.addEventListener("mouseleave", () => hideSoon(index));
    element.addEventListener("blur", () => { if (shown === index) toggle(index, false); });
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape" && shown !== null) toggle(shown, false); });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpUpload();
  setUpLiveRegistry();
  setUpRefresh();
  setUpEntityLinks();
});
