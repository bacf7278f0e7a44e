// The citizen's browser checks its own access history, trusting nothing the page says was checked:
// the checkpoint's Ed25519 signature (C2SP signed note) against the published verifier key, then
// each entry's RFC 9162 inclusion proof against that checkpoint's root, with WebCrypto.
"use strict";

(function () {
  const subtle = window.crypto && window.crypto.subtle;
  const encoder = new TextEncoder();

  function base64(text) {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }

  function equal(a, b) {
    if (a.length !== b.length) return false;
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
    return diff === 0;
  }

  async function sha256(bytes) {
    return new Uint8Array(await subtle.digest("SHA-256", bytes));
  }

  // <name>+<8 hex digits>+<base64(0x01 || 32-byte key)>; the hex digits are the first four bytes of
  // SHA-256(name || "\n" || 0x01 || key)
  async function verifierKey(text) {
    // the key's base64 may itself hold '+': only the first two separate the parts
    const trimmed = text.trim();
    const first = trimmed.indexOf("+"), second = trimmed.indexOf("+", first + 1);
    if (first < 0 || second < 0) throw new Error("malformed verifier key");
    const parts = [trimmed.slice(0, first), trimmed.slice(first + 1, second), trimmed.slice(second + 1)];
    if (!/^[0-9a-f]{8}$/.test(parts[1])) throw new Error("malformed verifier key");
    const data = base64(parts[2]);
    if (data.length !== 33 || data[0] !== 1) throw new Error("not an Ed25519 verifier key");
    const hash = (await sha256(concat(encoder.encode(parts[0] + "\n"), data))).slice(0, 4);
    if (Array.from(hash, b => b.toString(16).padStart(2, "0")).join("") !== parts[1]) {
      throw new Error("verifier key hash does not match its key");
    }
    const key = await subtle.importKey("raw", data.slice(1), { name: "Ed25519" }, false, ["verify"]);
    return { name: parts[0], hash, key };
  }

  // Returns the checkpoint's size and root once a signature line by this key verifies over its text.
  async function checkpoint(note, verifier) {
    const split = note.lastIndexOf("\n\n");
    if (split < 0) throw new Error("no signatures");
    const text = note.slice(0, split + 1);
    const lines = note.slice(split + 2).split("\n").filter(l => l.length > 0);
    let verified = false;
    for (const line of lines) {
      if (!line.startsWith("\u2014 ")) throw new Error("malformed signature line");
      const [name, signature] = line.slice(2).split(" ");
      const blob = base64(signature);
      if (name !== verifier.name || !equal(blob.slice(0, 4), verifier.hash)) continue;
      if (!(await subtle.verify({ name: "Ed25519" }, verifier.key, blob.slice(4), encoder.encode(text)))) {
        throw new Error("checkpoint signature does not verify");
      }
      verified = true;
    }
    if (!verified) throw new Error("no signature by the published key");
    const body = text.split("\n");
    if (!/^[0-9]+$/.test(body[1])) throw new Error("malformed checkpoint size");
    return { size: Number(body[1]), root: base64(body[2]) };
  }

  // RFC 9162 section 2.1.3.2: the root an inclusion proof leads to from a leaf hash
  async function rootFromInclusion(index, size, leafHash, proof) {
    if (index >= size) throw new Error("index beyond the tree");
    let fn = index, sn = size - 1, r = leafHash;
    const one = new Uint8Array([1]);
    for (const p of proof) {
      if (sn === 0) throw new Error("proof too long");
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(concat(one, p, r));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await sha256(concat(one, r, p));
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    if (sn !== 0) throw new Error("proof too short");
    return r;
  }

  function mark(cell, state, text) {
    cell.textContent = text;
    cell.className = "proof-status " + state;
    cell.dataset.state = state;
  }

  async function run() {
    const status = document.getElementById("verification");
    if (!status) return;
    const texts = status.dataset;
    const rows = Array.from(document.querySelectorAll("tr.access"));
    const fail = (message) => {
      status.textContent = texts.checkpointFailed;
      status.className = "failed";
      status.dataset.state = "failed";
      status.title = message;
      rows.filter(r => r.dataset.proof !== undefined)
          .forEach(r => mark(r.querySelector(".proof-status"), "failed", texts.failed));
    };
    if (!subtle) { fail("WebCrypto is not available"); status.textContent = texts.unsupported; return; }
    const note = document.getElementById("checkpoint").textContent;
    if (note.trim().length === 0 && rows.every(r => r.dataset.proof === undefined)) {
      // no checkpoint yet, and no entry claims a proof: nothing to check until the first one
      status.textContent = texts.pending;
      rows.forEach(r => mark(r.querySelector(".proof-status"), "pending", texts.pending));
      return;
    }
    let tree;
    try {
      const response = await fetch("/api/v1/log/verifier-key", { credentials: "omit", cache: "no-store" });
      if (!response.ok) throw new Error("verifier key not published");
      const verifier = await verifierKey(await response.text());
      tree = await checkpoint(note, verifier);
    } catch (e) {
      fail(String(e));
      return;
    }
    status.textContent = texts.checkpointOk;
    status.className = "verified";
    status.dataset.state = "verified";
    for (const row of rows) {
      const cell = row.querySelector(".proof-status");
      if (row.dataset.proof === undefined) { mark(cell, "pending", texts.pending); continue; }
      try {
        if (Number(row.dataset.treeSize) !== tree.size) throw new Error("proof is for another tree");
        const proof = row.dataset.proof.length === 0 ? [] : row.dataset.proof.split(" ").map(base64);
        const root = await rootFromInclusion(Number(row.dataset.leafIndex), tree.size,
            base64(row.dataset.leafHash), proof);
        if (!equal(root, tree.root)) throw new Error("proof leads to another root");
        mark(cell, "verified", texts.verified);
      } catch (e) {
        mark(cell, "failed", texts.failed);
        cell.title = String(e);
      }
    }
  }

  window.sijilVerify = run;
  document.addEventListener("DOMContentLoaded", run);
})();
