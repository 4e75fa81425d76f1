// levels/campaign.json for the campaign screen: its chapters, parsed and checked by the engine,
// every level it names known. Apart from content.ts so that a level screen, which needs only the
// order of the levels (read at build time), carries neither this text nor its parsing.

import campaignText from "../../levels/campaign.json?raw";
import { parseCampaign, type Campaign, type LevelError, type Result } from "../engine/index";
import { levelFileIds } from "./content";

let campaign: Result<Campaign, LevelError[]> | undefined;

export function loadCampaign(): Result<Campaign, LevelError[]> {
  campaign ??= parseCampaign(campaignText, levelFileIds());
  return campaign;
}
