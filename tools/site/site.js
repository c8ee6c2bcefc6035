// Left and right arrows turn to the previous and next page, as the
// links at the top of each page do. A key pressed with a modifier, or
// in a field, is left to the browser.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.target.closest("input, textarea, select, [contenteditable]")) return;
  const rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
  const link = rel && document.querySelector(`link[rel="${rel}"]`);
  if (link) location.href = link.href;
});
