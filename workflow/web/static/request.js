// The request page: page switcher, zoom and drag-to-pan on the page image, crops enlarged in a dialog,
// and a confirmation before a final approval. Served from /static (the CSP allows no inline script).
"use strict";

function setUpViewer() {
  const canvas = document.getElementById("canvas");
  if (!canvas) return;
  const pages = Array.from(canvas.querySelectorAll("figure.page"));
  const switcher = document.getElementById("page-switch");
  // zoom 1 shows the whole page (the seal and the signatures sit at its foot); more enlarges it
  let zoom = 1;
  const apply = () => pages.forEach((p) => {
    const svg = p.querySelector("svg");
    const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
    // the whole page: as tall as the canvas, unless a landscape page is then too wide
    const fit = Math.min(canvas.clientHeight - 4, (canvas.clientWidth - 4) * height / width);
    svg.style.width = "auto";
    svg.style.height = `${Math.floor(fit * zoom)}px`;
  });
  apply();
  window.addEventListener("resize", apply);
  switcher.addEventListener("change", () => {
    pages.forEach((p) => { p.hidden = p.dataset.index !== switcher.value; });
    canvas.scrollTo(0, 0);
  });
  document.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
    const step = Number(button.dataset.zoom);
    zoom = step === 0 ? 1 : Math.min(4, Math.max(0.5, zoom * (step > 0 ? 1.5 : 1 / 1.5)));
    apply();
  }));
  let drag = null;  // pan by dragging, as on a map
  canvas.addEventListener("mousedown", (e) => {
    drag = { x: e.clientX, y: e.clientY, left: canvas.scrollLeft, top: canvas.scrollTop };
    canvas.classList.add("dragging");
    e.preventDefault();
  });
  window.addEventListener("mousemove", (e) => {
    if (!drag) return;
    canvas.scrollLeft = drag.left - (e.clientX - drag.x);
    canvas.scrollTop = drag.top - (e.clientY - drag.y);
  });
  window.addEventListener("mouseup", () => { drag = null; canvas.classList.remove("dragging"); });
}

function setUpEnlarge() {
  const dialog = document.getElementById("enlarged");
  if (!dialog) return;
  const open = (img) => {
    dialog.querySelector("img").src = img.src;
    dialog.querySelector("img").alt = img.alt;
    dialog.querySelector(".caption").textContent = img.dataset.caption || "";
    dialog.showModal();
  };
  document.querySelectorAll("img.zoomable").forEach((img) => {
    img.addEventListener("click", () => open(img));
    img.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(img); } });
  });
  dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
}

function setUpDecision() {
  const form = document.querySelector("#decision form");
  if (!form) return;
  form.addEventListener("submit", (e) => {
    const chosen = form.querySelector("input[name=action]:checked");
    if (chosen && chosen.dataset.confirm && !window.confirm(chosen.dataset.confirm)) e.preventDefault();
  });
}

setUpViewer();
setUpEnlarge();
setUpDecision();
