// `npm run bench`: measurements, printed as plain text and written as JSON to bench/out/.
// Each section is its own module and prints its own part; add a section by adding a call here
//. Nothing here fails on speed.
// Heavy sections run one after another: never two at once on a 2-core machine.
// `npm run bench -- ui hardware` runs only the sections named (solver, spin, ui, hardware, browser).

import { solverBench } from "./solver";
import { spinBench } from "./spin";
import { uiBench } from "./ui";
import { hardwareBench } from "./hardware";
import { browserBench } from "./browser";

const SECTIONS = ["solver", "spin", "ui", "hardware", "browser"];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !SECTIONS.includes(a));
if (unknown.length > 0) {
  console.error(`npm run bench: unknown section ${unknown.join(", ")}; the sections are ${SECTIONS.join(", ")}`);
  process.exit(2);
}
const wanted = (name: string) => asked.length === 0 || asked.includes(name);

// SPIN is compared against the solver's figures, so asking for spin runs the solver too.
const solver = wanted("solver") || wanted("spin") ? await solverBench() : null;
if (solver && wanted("spin")) await spinBench(solver);
if (wanted("ui")) await uiBench();
if (wanted("hardware")) await hardwareBench();
if (wanted("browser")) await browserBench();
console.log();
