// The section editor's citation buttons: insert " [GCM-2017-0021]" where the cursor is.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.cite");
  var area = document.getElementById("id_text");
  if (!button || !area) {
    return;
  }
  var marker = " [" + button.dataset.reference + "]";
  var start = area.selectionStart;
  var end = area.selectionEnd;
  area.value = area.value.slice(0, start) + marker + area.value.slice(end);
  area.focus();
  area.selectionStart = area.selectionEnd = start + marker.length;
  var status = document.getElementById("cite-status");
  if (status) {
    status.textContent = status.dataset.inserted + " " + button.dataset.reference;
  }
});
