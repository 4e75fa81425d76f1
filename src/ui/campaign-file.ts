// levels/campaign.json for the campaign screen: its chapters, or the errors to show. Parsed and
// checked by the engine at build time (vite-plugin-level-cards.ts), every level it names known,
// so that no screen carries the text nor its parser.

import campaign from "virtual:campaign";
import type { Campaign, LevelError, Result } from "../engine/index";

export function loadCampaign(): Result<Campaign, LevelError[]> {
  return campaign;
}
