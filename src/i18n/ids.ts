// Every message id the interface may ask for: the keys of the English catalogs. Add a line here
// when an area file is added (catalogs.test.ts fails when a file is missing from this list).

export type MessageId =
  | keyof typeof import("./messages/en/common.json")
  | keyof typeof import("./messages/en/hardware.json")
  | keyof typeof import("./messages/en/packs.json")
  | keyof typeof import("./messages/en/campaign.json")
  | keyof typeof import("./messages/en/editor.json")
  | keyof typeof import("./messages/en/grade.json")
  | keyof typeof import("./messages/en/play.json");
