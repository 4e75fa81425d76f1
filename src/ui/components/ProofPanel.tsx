// A prove-it level ("breakable": false) cannot be won by breaking it: the student plays until
// convinced, then asks for the proof. The solver, in a Web Worker, explores every reachable
// state from the start; "safe" solves the level and says how many states it checked.

import { useEffect, useRef, useState } from "react";
import { searchInWorker } from "../search-workers";
import type { LoadedLevel } from "../store/game-slice";
import { appStore } from "../use-app";
import { formatCount, goalText } from "../words";

/** States the proof may explore; the campaign's prove-it levels need far fewer. */
export const PROOF_STATE_BUDGET = 5_000_000;

type Proof =
  | { status: "idle" }
  | { status: "searching"; states: number }
  | { status: "proved"; states: number }
  | { status: "broken"; outcome: string; length: number }
  | { status: "gave-up"; states: number }
  | { status: "failed"; message: string };

export function ProofPanel({ loaded, nextHref }: { loaded: LoadedLevel; nextHref: string | null }) {
  const [proof, setProof] = useState<Proof>({ status: "idle" });
  const cancel = useRef<(() => void) | null>(null);
  useEffect(() => () => cancel.current?.(), []);

  const prove = () => {
    cancel.current?.();
    setProof({ status: "searching", states: 0 });
    cancel.current = searchInWorker(
      { levelText: loaded.text, packed: loaded.level.program.initial, maxStates: PROOF_STATE_BUDGET },
      {
        progress: (states) => setProof({ status: "searching", states }),
        result: (found) => {
          if (found.verdict === "safe") {
            setProof({ status: "proved", states: found.states });
            if (loaded.source === "campaign") appStore.getState().recordSolved(loaded.id, []);
          } else if (found.verdict === "breakable") {
            setProof({ status: "broken", outcome: found.outcome ?? "a winning outcome", length: found.schedule?.length ?? 0 });
          } else {
            setProof({ status: "gave-up", states: found.states });
          }
        },
        failed: (message) => setProof({ status: "failed", message }),
      },
    );
  };

  const outcomes = goalText(loaded.level.spec.win).replace(/^Win: /, "");
  return (
    <section className="proof-panel" aria-labelledby="proof-heading">
      <h2 id="proof-heading">Prove it</h2>
      <p>Convinced that no order of steps can break this code? Ask the solver to check every reachable state.</p>
      <button type="button" className="button" onClick={prove} disabled={proof.status === "searching"}>
        Ask for the proof
      </button>
      <div role="status" className="proof-result">
        {proof.status === "searching" && <p>Checking… {formatCount(proof.states)} states so far.</p>}
        {proof.status === "proved" && (
          <>
            <p>
              <strong>Proved.</strong> The solver checked all {formatCount(proof.states)} reachable states: no schedule can {outcomes}.
            </p>
            <p>
              <a className="button-link" href={nextHref ?? "#/"}>
                {nextHref ? "Next level" : "Back to the campaign"}
              </a>
            </p>
          </>
        )}
        {proof.status === "broken" && (
          <p>Not proved: the solver found a schedule of {proof.length} steps that ends in {proof.outcome}. Look again!</p>
        )}
        {proof.status === "gave-up" && <p>The solver gave up after {formatCount(proof.states)} states without a verdict.</p>}
        {proof.status === "failed" && <p>The proof could not run: {proof.message}</p>}
      </div>
    </section>
  );
}
