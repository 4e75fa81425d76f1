// What `levels` prints on a bad command line: every command and its options.

import { DEFAULT_MAX_STATES } from "../solver/solve";

export const USAGE = `usage: npm run -s levels -- check FILE|DIR... [--json] [--max-states N] [--no-reduce]
       npm run -s levels -- pack DIR -o PACK.json [--link]
       npm run -s levels -- grade PACK.json RECORD.json... [--csv]
       npm run -s levels -- test DIR
       npm run -s levels -- scorm PACK.json -o pack.zip

  check     validate each level, explore every interleaving, replay its solution; a DIR
            stands for its .json files (campaign.json and the schemas are checked as such)
  --json    print one JSON array with a record per file
  --max-states N   give up (verdict "unknown") after N states; default ${DEFAULT_MAX_STATES.toLocaleString("en")}
  --no-reduce      prove without partial-order reduction (same verdicts, more states)
  pack      check every level DIR/pack.json names (DIR/<id>.json or a campaign level) and
            build one self-contained pack file for students; --link also prints the
            #/pack?data=… link that carries it
  grade     replay every schedule and re-judge every fix in the completion records (files or
            folders of them); print a table, student by level, or with --csv a spreadsheet;
            exit 0 only when every record verified
  test      play every level of DIR in Chromium through the game's own screens: each
            break-it level's solution, each fix-it level's reference fix, each prove-it
            level's claim; one line per level
  scorm     build the game with the pack inside as a SCORM 1.2 package for an LMS: it
            reports completion, a score (levels solved, as a percentage) and the progress`;
