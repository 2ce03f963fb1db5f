#!/usr/bin/env node
// The claimline command: runs the compiled CLI (build with `npm run build`; `npm install` does it).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`claimline: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
