// What every bench script starts from: the project root, the compiled code measured, and its command-line flags.
// CLAIMLINE_DIST=DIR measures a build compiled elsewhere (`tsc --outDir DIR`), so a bench need not rewrite dist/.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const dist = process.env.CLAIMLINE_DIST ? path.resolve(process.env.CLAIMLINE_DIST) : path.join(root, "dist");
export const argv = process.argv.slice(2);
/** The value after `name` on the command line, or `dflt`. */
export const arg = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
export const flag = (name) => argv.includes(name);
/** The publication date a war-news file name starts with (YYYYMMDD…): the anchor its relative dates need. */
export const publishedOf = (name) => `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}`;
