// The officer's browser checks each life event's Ed25519 signature itself, over the exact signed
// entry bytes, with the event-signing key published at /api/v1/keys (WebCrypto).
"use strict";

(function () {
  function base64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function mark(cell, state, text, why) {
    cell.textContent = text;
    cell.className = "signature-status " + state;
    cell.dataset.state = state;
    cell.title = why || "";
  }

  async function run() {
    const table = document.getElementById("timeline");
    if (!table) return;
    const texts = table.dataset;
    const rows = Array.from(table.querySelectorAll("tr.signed-event"));
    const subtle = window.crypto && window.crypto.subtle;
    if (!subtle) { rows.forEach(r => mark(r.querySelector(".signature-status"), "failed", texts.unsupported)); return; }
    const keys = new Map();
    try {
      const response = await fetch("/api/v1/keys", { credentials: "omit", cache: "no-store" });
      for (const k of await response.json()) {
        const der = base64(k.pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, ""));
        keys.set(k.keyId, await subtle.importKey("spki", der, { name: "Ed25519" }, false, ["verify"]));
      }
    } catch (e) {
      rows.forEach(r => mark(r.querySelector(".signature-status"), "failed", texts.failed, String(e)));
      return;
    }
    for (const row of rows) {
      const cell = row.querySelector(".signature-status");
      try {
        const key = keys.get(row.dataset.keyId);
        if (!key) throw new Error("key " + row.dataset.keyId + " is not published");
        const ok = await subtle.verify({ name: "Ed25519" }, key, base64(row.dataset.signature),
            base64(row.dataset.entry));
        if (!ok) throw new Error("signature does not verify");
        mark(cell, "verified", texts.verified);
      } catch (e) {
        mark(cell, "failed", texts.failed, String(e));
      }
    }
  }

  window.sijilVerifySignatures = run;
  document.addEventListener("DOMContentLoaded", run);
})();
