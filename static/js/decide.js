// The review page's decision forms: what the server would refuse is said before the
// form is sent, so what staff typed (a name, a reason, the inputs ticked) stays on the
// page. The server checks the same rules again (positions.services.key_point_decide).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var rules = document.getElementById("decision-rules");
  if (!rules || !form.matches("form[action$='/decisions/']")) {
    return;
  }
  var kind = form.elements.kind ? form.elements.kind.value : "";
  var value = function (name) {
    var field = form.elements[name];
    return field && field.value ? field.value.trim() : "";
  };
  var ticked = form.querySelectorAll("input[name='anchors']:checked").length;
  var problem = "";
  if (!ticked) {
    problem = rules.dataset.anchors;
  } else if ((kind === "merge" || kind === "join_campaigns") && !value("targets")) {
    problem = rules.dataset.target;
  } else if (kind === "rename" && !value("name_id") && !value("name_en")) {
    problem = rules.dataset.name;
  } else if (kind === "relabel" && (!value("label") || !value("reason"))) {
    problem = rules.dataset.label;
  }
  var status = form.querySelector(".decide-problem");
  if (!status) {
    status = document.createElement("p");
    status.className = "decide-problem error";
    status.setAttribute("role", "alert");
    form.appendChild(status);
  }
  status.textContent = problem;
  if (problem) {
    event.preventDefault();
  }
});
