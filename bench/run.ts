// `npm run bench`: measurements, printed as plain text and written as JSON to bench/out/.
// Each section is its own module and prints its own part; add a section by adding a call here
//. Nothing here fails on speed.
// Heavy sections run one after another: never two at once on a 2-core machine.

import { solverBench } from "./solver";
import { spinBench } from "./spin";
import { uiBench } from "./ui";
import { hardwareBench } from "./hardware";

const solver = await solverBench();
await spinBench(solver);
await uiBench();
await hardwareBench();
console.log();
