// `npm run bench`: measurements, printed as plain text and written as JSON to bench/out/.
// Each section is its own module and prints its own part; add a section by adding a call here
// (the hardware-mode section is to come). Nothing here fails on speed.
// Heavy sections run one after another: never two at once on a 2-core machine.

import { solverBench } from "./solver";
import { spinBench } from "./spin";
import { uiBench } from "./ui";

const solver = await solverBench();
await spinBench(solver);
await uiBench();
console.log();
