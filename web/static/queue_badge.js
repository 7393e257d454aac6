// The count of one's queue on its menu item (issue 18), asked of /api/queue/count every few
// seconds; when it grows, a notice (a live region, read by screen readers) says so with a
// link to the queue. No outside service: the page polls its own server.
"use strict";

function setUpQueueBadge() {
  const notice = document.getElementById("queue-notice");
  if (!notice) return;
  const seconds = Math.max(2, Number(notice.dataset.pollSeconds || "10"));
  let known = null;
  const badgeFor = (path) => {
    const link = document.querySelector('.menu a[href="' + path + '"]');
    if (!link) return null;
    let badge = link.querySelector(".queue-badge");
    if (!badge) {
      badge = document.createElement("span");
      badge.className = "queue-badge";
      const shown = document.createElement("span");
      shown.setAttribute("aria-hidden", "true");
      const said = document.createElement("span");
      said.className = "visually-hidden";
      badge.append(shown, said);
      link.append(" ", badge);
    }
    return badge;
  };
  const show = (answer) => {
    const badge = badgeFor(answer.path);
    if (badge) {
      badge.hidden = answer.count === 0;
      const shown = String(answer.count) + (answer.exact === false ? "+" : ""); // counted up to a bound
      badge.firstChild.textContent = shown;
      badge.lastChild.textContent = " (" + notice.dataset.waiting.replace("#", shown) + ")";
      badge.dataset.count = String(answer.count);
    }
    if (known !== null && answer.count > known) {
      const more = answer.count - known;
      const text = more === 1 ? notice.dataset.arrivedOne : notice.dataset.arrivedMany.replace("#", String(more));
      const link = document.createElement("a");
      link.href = answer.path;
      link.textContent = notice.dataset.open;
      notice.replaceChildren(text + " ", link);
      notice.classList.add("shown");
    }
    known = answer.count;
  };
  const poll = async () => {
    try {
      const response = await fetch("/api/queue/count", { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) show(await response.json());
    } catch (error) { /* offline for a moment: the next poll tries again */ }
  };
  poll();
  window.setInterval(poll, 1000 * seconds);
}

document.addEventListener("DOMContentLoaded", setUpQueueBadge);
