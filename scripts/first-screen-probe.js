// Loaded by scripts/render-html.sh into a wrapper page that holds a report in an iframe of
// exactly one screen (1200 x 800 or 390 x 844): measures the report's verdict box (id
// "verdict") in that frame and writes what it found into <pre id="probe">, which the script
// reads from Chromium's --dump-dom.
const frame = document.getElementById("report");
frame.addEventListener("load", () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const box = doc.getElementById("verdict");
  const out = document.createElement("pre");
  out.id = "probe";
  const lines = ["viewport=" + win.innerWidth + "x" + win.innerHeight, "title=" + doc.title];
  if (box) {
    const r = box.getBoundingClientRect();
    const label = box.querySelector(".verdict-label");
    lines.push("top=" + Math.round(r.top), "bottom=" + Math.round(r.bottom),
               "verdict=" + box.getAttribute("data-verdict"),
               "label=" + (label ? label.textContent.replace(/^[^A-Za-z]+/, "").trim() : ""));
  }
  out.textContent = lines.join("\n");
  document.body.appendChild(out);
});
